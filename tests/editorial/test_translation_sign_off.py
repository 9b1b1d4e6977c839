"""Sign-off per language: only a reviewer who reads a page's language may approve it, and an
approved English change marks its translation out of date until the translation's own draft
is approved."""

import pytest
from django.utils import timezone

from editorial.models import Draft
from education.models import Article, Language
from tests.support.editorial_steps import admin_url, decide, reads_spanish, submitted_change
from tests.support.pages import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_article():
    return Article.objects.filter(language=Language.SPANISH).select_related("translation_of")[0]


def test_a_reviewer_without_spanish_cannot_approve_a_spanish_page(
    editor_client, reviewer_client, spanish_article
):
    draft = submitted_change(editor_client, spanish_article, body="## Hola\n\nTome agua.")

    # A direct POST, as the screen would send it, is refused with a message too.
    response = reviewer_client.post(
        admin_url(spanish_article, "review"),
        {"decision": "approve", "saves": draft.saves, "reviewed_whole_page": "on"},
        follow=True,
    )
    assert "does not list Spanish among the languages you read" in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == Draft.State.SUBMITTED
    spanish_article.refresh_from_db()
    assert "Tome agua." not in spanish_article.body


def test_a_reviewer_who_reads_spanish_approves_it_and_the_page_says_when_it_was_checked(
    editor_client, reviewer_client, reviewer, spanish_article, client
):
    reads_spanish(reviewer)
    submitted_change(editor_client, spanish_article, body="## Hola\n\nTome agua.")

    decide(reviewer_client, spanish_article, "approve")

    spanish_article.refresh_from_db()
    assert spanish_article.checked_against_english_on == timezone.localdate()
    text = parse(client.get(spanish_article.get_absolute_url())).get_text(" ")
    assert "Última vez que se comparó con la página en inglés:" in " ".join(text.split())


def test_an_approved_english_change_marks_its_translation_out_of_date(
    editor_client, reviewer_client, admin_client, spanish_article
):
    english = spanish_article.translation_of
    submitted_change(editor_client, english, body="## Start\n\nDrink water.")

    decide(reviewer_client, english, "approve")

    spanish_article.refresh_from_db()
    assert spanish_article.translation_out_of_date
    front = parse(admin_client.get("/admin/")).select_one("#translations-out-of-date")
    assert spanish_article.title in front.get_text()
    listed = admin_client.get("/admin/education/article/?translation_out_of_date__exact=1")
    assert spanish_article.title in listed.content.decode()
