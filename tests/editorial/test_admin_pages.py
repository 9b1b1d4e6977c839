"""The workflow's admin pages: how many queries they make, whatever the history's length.

The change form writes the draft in place (and rolls it back) to show it: a few queries for
each inline row, as Django's own inline forms make."""

import pytest
from django.test import Client

from editorial.forms import DecisionForm, SubmitForm
from tests.support.editorial_steps import admin_url, decide, save_change, submit_for_review
from tests.support.pages import parse


@pytest.fixture
def long_history(make_article, editor, reviewer):
    """An article with sources, three approved changes and a draft waiting for review."""
    article = make_article(body="## Start\n\nWords.")
    for n in range(3):
        article.sources.create(
            title=f"Source {n}", url="https://example.org/", accessed="2026-11-01"
        )
    editor_client, reviewer_client = Client(), Client()
    editor_client.force_login(editor)
    reviewer_client.force_login(reviewer)
    for n in range(4):
        save_change(editor_client, article, body=f"## Start\n\nWords, change {n}.")
        submit_for_review(editor_client, article)
        if n < 3:
            decide(reviewer_client, article, "approve", f"Approval {n}.")
    return article, editor_client, reviewer_client


# The change form shows the draft by saving it in a transaction it rolls back, so it pays
# for a save: the article, its pictures (one query) and its sources (two per source). The
# review screen reads the reviewer's languages (one query).
@pytest.mark.parametrize(
    ("page", "who", "queries"),
    [("review", 2, 11), ("audit", 1, 10), ("change", 1, 29), ("submit", 1, 6)],
)
def test_workflow_pages_make_a_bounded_number_of_queries(
    long_history, page, who, queries, django_assert_max_num_queries
):
    article, *clients = long_history
    client = clients[who - 1]

    with django_assert_max_num_queries(queries):
        response = client.get(admin_url(article, page))

    assert response.status_code == 200


def test_an_administrator_sets_a_reviewers_clinical_role_on_their_user_page(admin_client, reviewer):
    page = parse(admin_client.get(f"/admin/auth/user/{reviewer.pk}/change/"))

    role = page.select_one("#id_reviewer_profile-0-clinical_role")
    assert role["value"] == "General practitioner"
    assert page.select_one("#id_first_name")["value"] == "Test"


def test_the_comment_boxes_limits_come_from_their_forms(
    make_article, editor_client, reviewer_client
):
    article = make_article(title="Water")
    save_change(editor_client, article, body="## Start\n\nDrink water.")

    submit_page = parse(editor_client.get(admin_url(article, "submit")))
    submit_for_review(editor_client, article)
    review_page = parse(reviewer_client.get(admin_url(article, "review")))

    note, comment = SubmitForm.base_fields["note"], DecisionForm.base_fields["comment"]
    assert submit_page.select_one("textarea#id_note")["maxlength"] == str(note.max_length)
    boxes = review_page.select("textarea[name=comment]")
    assert [box["maxlength"] for box in boxes] == [str(comment.max_length)] * 2
