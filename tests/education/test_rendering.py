import re

import pytest

from education.rendering import Figure, render_markdown, slugify_heading


def test_h2_headings_get_ids_and_become_sections():
    rendered = render_markdown("## What causes cramps?\n\nText.\n\n## How to *ease* them\n\nMore.")

    assert '<h2 id="what-causes-cramps">What causes cramps?</h2>' in rendered.html
    assert rendered.sections == [
        {"id": "what-causes-cramps", "title": "What causes cramps?"},
        {"id": "how-to-ease-them", "title": "How to ease them"},
    ]


def test_repeated_and_reserved_headings_get_unique_ids():
    rendered = render_markdown("## Sources\n\n## Tips\n\n## Tips\n\n### Tips")

    ids = re.findall(r'id="([^"]+)"', rendered.html)
    assert ids == ["sources-2", "tips", "tips-2", "tips-3"]


def test_h3_gets_an_id_but_is_not_a_section():
    rendered = render_markdown("## Main\n\n### Detail")

    assert '<h3 id="detail">' in rendered.html
    assert [s["title"] for s in rendered.sections] == ["Main"]


def test_raw_html_in_a_heading_stays_out_of_the_contents_list():
    rendered = render_markdown("## Hello <script>alert(1)</script> world")

    assert rendered.sections == [{"id": "hello-alert1-world", "title": "Hello alert(1) world"}]
    assert "<script" not in rendered.html


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Why do I get cramps at night?", "why-do-i-get-cramps-at-night"),
        ("Café  -- crème", "cafe-creme"),
        ("???", "section"),
    ],
)
def test_heading_slugs(heading, anchor):
    assert slugify_heading(heading) == anchor


def test_ordinary_markdown_survives_sanitising():
    source = (
        "Some **bold**, *italic* and `code`.\n\n- one\n- two\n\n1. first\n\n"
        "> quote\n\n[NHS](https://www.nhs.uk/) and [section](#tips)\n\n![A stretch](/static/x.png)"
    )

    html = render_markdown(source).html

    for fragment in [
        "<strong>bold</strong>",
        "<em>italic</em>",
        "<code>code</code>",
        "<li>one</li>",
        "<ol>",
        "<blockquote>",
        'href="https://www.nhs.uk/"',
        'href="#tips"',
        'src="/static/x.png"',
        'alt="A stretch"',
    ]:
        assert fragment in html


def a_figure(reference):
    return Figure(src=f"/media/{reference}.jpg", width=800, height=600, alt=f"Alt {reference}")


def every_figure(references):
    return {reference: a_figure(reference) for reference in references}


def test_a_reference_on_its_own_line_becomes_a_figure():
    rendered = render_markdown("Before.\n\n![[image:7]]\n\nAfter.", every_figure)

    assert '<figure class="article-figure">' in rendered.html
    assert 'src="/media/image:7.jpg" width="800" height="600" alt="Alt image:7"' in rendered.html
    assert "![[" not in rendered.html
    assert rendered.references == ["image:7"] and rendered.missing == []


def test_a_reference_inside_a_sentence_or_code_stays_text():
    source = "See ![[image:7]] here.\n\n`![[image:7]]`\n\n    ![[image:7]]\n"

    rendered = render_markdown(source, every_figure)

    assert "<figure" not in rendered.html and rendered.references == []


def test_an_unknown_reference_disappears_for_readers_and_is_reported():
    rendered = render_markdown("Text.\n\n![[image:99]]\n", lambda references: {})

    assert rendered.html == "<p>Text.</p>\n\n"
    assert rendered.missing == ["image:99"]


def test_an_editors_own_picture_markup_is_still_stripped():
    source = (
        '<figure><picture><source srcset="https://evil.example/x.webp"></picture>'
        '<img src="/x.png" srcset="https://evil.example/y.png 2x" loading="eager" '
        'onerror="alert(1)"></figure>'
    )

    html = render_markdown(source, every_figure).html

    for stripped in ["<figure", "<picture", "<source", "srcset", "loading", "onerror"]:
        assert stripped not in html
    assert '<img src="/x.png">' in html


def test_only_the_first_picture_above_the_first_section_loads_at_once():
    source = "![[image:1]]\n\n![[image:2]]\n\n## Section\n\n![[image:3]]"

    html = render_markdown(source, every_figure).html

    assert re.findall(r'loading="(\w+)"', html) == ["eager", "lazy", "lazy"]


def test_a_picture_after_the_first_section_is_lazy():
    html = render_markdown("## Section\n\n![[image:1]]", every_figure).html

    assert 'loading="lazy"' in html


def test_figure_text_is_escaped():
    def figures(references):
        return {"image:1": Figure(src="/a.jpg", width=1, height=1, alt='"><script>', caption="<b>")}

    html = render_markdown("![[image:1]]", figures).html

    assert "<script>" not in html and "<b>" not in html and "&lt;b&gt;" in html


def test_a_paragraph_that_only_starts_with_a_reference_does_not_take_the_eager_load():
    html = render_markdown("![[image:1]] and words.\n\n![[image:2]]", every_figure).html

    assert 'loading="eager"' in html


def test_a_reference_used_twice_is_reported_missing_once():
    rendered = render_markdown("![[image:9]]\n\n![[image:9]]", lambda references: {})

    assert rendered.missing == ["image:9"]
