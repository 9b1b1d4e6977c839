"""Our own drawings: small, described, and on the pages whose text they show."""

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from django.conf import settings

from education.illustrations import illustrations, with_static_names
from tests.support.pages import parse

FOLDER = Path(settings.BASE_DIR) / "static" / "img" / "illustrations"
NAMES = ["adductor-muscles", "side-lunge-stretch", "soles-together-stretch",
         "front-thigh-chair-stretch"]  # fmt: skip
MAX_BYTES = 15 * 1024
SVG = "{http://www.w3.org/2000/svg}"


def test_there_are_exactly_our_four_drawings():
    assert sorted(illustrations()) == sorted(NAMES)
    assert sorted(p.stem for p in FOLDER.glob("*.svg")) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_drawing_is_small_valid_svg_of_its_stated_size(name):
    path = FOLDER / f"{name}.svg"
    data = illustrations()[name]

    assert path.stat().st_size < MAX_BYTES
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == f"0 0 {data['width']} {data['height']}"
    # Nothing that could run or fetch: plain shapes and words only.
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert not tags & {"script", "foreignObject", "image", "use", "a", "style"}


@pytest.mark.parametrize("name", NAMES)
def test_each_drawing_has_a_text_alternative_and_a_caption(name):
    data = illustrations()[name]

    assert len(data["alt"].split()) >= 12 and data["alt"].startswith("Drawing of")
    assert data["caption"].strip()


def test_the_front_of_thigh_drawing_says_it_is_not_an_inner_thigh_stretch():
    data = illustrations()["front-thigh-chair-stretch"]
    words = (FOLDER / "front-thigh-chair-stretch.svg").read_text()

    assert "not the inner thigh" in data["caption"]
    assert "not an inner thigh stretch" in data["alt"]
    assert "Front-of-thigh stretch" in words and "not an inner thigh stretch" in words


@pytest.mark.parametrize(
    ("slug", "names"),
    [
        ("inner-thigh-cramps", ["adductor-muscles", "side-lunge-stretch"]),
        (
            "ease-and-prevent-inner-thigh-cramps",
            ["side-lunge-stretch", "soles-together-stretch", "front-thigh-chair-stretch"],
        ),
    ],
)
def test_the_drawings_are_on_the_pages_with_their_text_alternatives(
    client, db, slug, names, django_assert_max_num_queries
):
    # The article, its sources, related articles, translations, and the next publication.
    with django_assert_max_num_queries(5):
        page = parse(client.get(f"/articles/{slug}/"))

    figures = page.select(".article-body figure.article-figure")
    assert [f.img["src"] for f in figures] == [
        f"/static/img/illustrations/{name}.svg" for name in names
    ]
    for figure, name in zip(figures, names, strict=True):
        assert figure.img["alt"] == illustrations()[name]["alt"]
        assert figure.figcaption.get_text(strip=True) == illustrations()[name]["caption"]
        assert figure.img["width"] and figure.img["height"] and figure.img["loading"] == "lazy"


def test_a_drawing_missing_from_the_static_manifest_keeps_its_plain_address(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    html = '<img src="/static/img/illustrations/a-drawing-since-removed.svg" alt="">'

    assert with_static_names(html) == html
