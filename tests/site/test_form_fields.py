"""Every public form draws its fields one way (templates/includes/field.html): labels, hints
and errors tied to their inputs, and limits taken from the forms, never typed into a page."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string

from education.forms import FeedbackForm
from education.search import MAX_QUERY_LENGTH
from tests.support.flows import FIRST_PAGE
from tests.support.pages import parse

TYPED_LIMIT = re.compile(r"""maxlength=["']?\d""")


def feedback_sent_wrong(client, make_article):
    """The feedback page after a post with no answer and too long a reason."""
    article = make_article()
    return client.post(f"/articles/{article.slug}/feedback/", {"reason": "x" * 501})


def described_by(soup):
    """Each described element's id (or name) with the texts its aria-describedby names."""
    described = {}
    for element in soup.select("main [aria-describedby]"):
        ids = element["aria-describedby"].split()
        key = element.get("id") or element.select_one("input")["name"]
        described[key] = [soup.find(id=id_).get_text(strip=True) for id_ in ids]
    return described


def test_feedback_fields_name_their_hint_and_error(client, make_article):
    soup = parse(feedback_sent_wrong(client, make_article))

    described = described_by(soup)

    assert described["helpful"] == ["Select yes or no"]
    hint = FeedbackForm.base_fields["reason"].help_text
    assert described["id_reason"] == [hint, "Keep it under 500 characters"]
    assert soup.select_one("label[for=id_reason]")
    assert soup.select_one("#id_helpful_legend").get_text() == "Was this page helpful?"


def test_question_fields_name_their_error_and_hint(client, db):
    soup = parse(client.post(FIRST_PAGE, {}))

    described = described_by(soup)

    assert len(described) == 7  # the page 1 questions
    assert described["saddle_numbness"][0] == "This is the area that would touch a bike saddle."
    assert described["saddle_numbness"][1].startswith("Select yes if you have numbness")
    assert all(soup.select_one(f"#id_{key}_0[aria-invalid=true]") for key in described)


def test_the_feedback_reasons_limit_comes_from_its_form(client, make_article):
    soup = parse(feedback_sent_wrong(client, make_article))

    limit = FeedbackForm.base_fields["reason"].max_length
    assert soup.select_one("textarea#id_reason")["maxlength"] == str(limit)


@pytest.mark.parametrize("box", ["#site-search-query", "#search-page-query"])
def test_the_search_boxes_limit_comes_from_the_search(client, db, box):
    soup = parse(client.get("/search/?q=cramp"))

    assert soup.select_one(box)["maxlength"] == str(MAX_QUERY_LENGTH)


def test_no_template_types_a_form_limit():
    """A limit is the form's (a rendered field, or its max_length), never a number typed in."""
    folders = [Path(settings.BASE_DIR, "templates"), Path(settings.BASE_DIR, "editorial/templates")]
    templates = [path for folder in folders for path in folder.rglob("*.html")]

    typed = [path.name for path in templates if TYPED_LIMIT.search(path.read_text())]

    assert len(templates) > len(folders) and typed == []


def test_the_header_search_box_needs_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("includes/header.html")

    assert 'id="site-search-query"' in html
