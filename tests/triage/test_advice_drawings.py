"""The result's stretch steps lead to the drawings that show them, and the sitting stretch
comes before the standing one (older adults are told to stretch sitting or lying down)."""

from tests.support.answers import with_changes
from tests.support.flows import complete_questionnaire
from tests.support.pages import parse

STRETCHES = "/articles/ease-and-prevent-inner-thigh-cramps/"


def stretch_step(client, **changes):
    page = parse(complete_questionnaire(client, with_changes(**changes)))
    return page.select_one("[data-advice=stretch]")


def test_the_stretch_steps_link_to_the_section_with_their_drawings(client, db):
    page = parse(complete_questionnaire(client, with_changes()))

    for key in ["stretch", "stretch_daily"]:
        link = page.select_one(f"[data-advice={key}] a")
        assert link.get_text() == "See how to do these stretches, with drawings"
        path, anchor = link["href"].split("#")
        assert path == STRETCHES
        section = parse(client.get(path)).select_one(f"#{anchor}")
        following = "".join(str(tag) for tag in section.find_all_next(limit=80))
        assert "soles-together-stretch.svg" in following and "side-lunge-stretch.svg" in following


def test_steps_without_drawings_have_no_link(client, db):
    page = parse(complete_questionnaire(client, with_changes()))

    assert not page.select("[data-advice=massage] a")


def test_older_adults_read_the_sitting_stretch_first(client, db):
    text = stretch_step(client, age_band="60_or_over").get_text()

    assert text.index("Sit with the soles of your feet together") < text.index(
        "Or stand with your feet wide apart"
    )
