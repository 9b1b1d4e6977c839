import re

import pytest

from education.rendering import render_markdown, slugify_heading


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
