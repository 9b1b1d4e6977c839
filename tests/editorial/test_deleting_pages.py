"""Deleting a page: an editor may delete only a page readers never saw and no clinician signed
off; a clinical reviewer may delete any. The page's open draft goes with it, its record
(the steps and sign-offs) stays, and a refusal is a message, never an error page."""

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version

from editorial import drafts
from editorial.models import Draft, SignOff, WorkflowEvent
from education.models import Article
from tests.support.admin_forms import submit
from tests.support.editorial_steps import (
    add_article,
    admin_url,
    decide,
    first_read_of,
    lock_of,
    requires_row_locks,
    save_change,
    submit_for_review,
)
from tests.support.pages import parse

ARTICLES = "/admin/education/article/"


def messages_after(client, response):
    assert response.status_code == 302
    return parse(client.get(response["Location"])).select_one(".messagelist").get_text()


def delete(client, article):
    return client.post(admin_url(article, "delete"), {"post": "yes"})


def delete_with_list_action(client, article):
    return client.post(
        ARTICLES, {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"}
    )


@pytest.mark.parametrize("how", [delete, delete_with_list_action])
@pytest.mark.parametrize(
    "page",
    [
        {"signed_off": False},  # published (as the shipped articles are), never signed off
        {"status": Article.Status.DRAFT},  # signed off, not published
    ],
)
def test_an_editor_cannot_delete_a_page_published_or_signed_off(
    editor_client, make_article, how, page
):
    article = make_article(title="Water", **page)

    response = how(editor_client, article)

    assert "only a clinical reviewer can delete it" in messages_after(editor_client, response)
    assert Article.objects.filter(pk=article.pk).exists()


def test_an_editor_is_shown_no_delete_link_and_a_message_instead_of_the_delete_page(
    editor_client, make_article
):
    article = make_article(title="Water")

    form = parse(editor_client.get(admin_url(article, "change")))
    response = editor_client.get(admin_url(article, "delete"))

    assert not form.select("a.deletelink")
    assert response["Location"] == admin_url(article, "change")
    assert "“Water” has been published" in messages_after(editor_client, response)


def test_deleting_a_never_published_page_deletes_its_draft_and_keeps_its_record(
    editor_client, reviewer_client, db
):
    article = add_article(editor_client)
    submit_for_review(editor_client, article)
    decide(reviewer_client, article, "send_back", "Say how much.")
    record = list(WorkflowEvent.objects.for_object(article).values_list("action", flat=True))

    response = delete(editor_client, article)

    assert response.status_code == 302 and response["Location"] == ARTICLES
    assert not Article.objects.filter(pk=article.pk).exists()
    assert not Draft.objects.for_object(article).exists()
    assert list(WorkflowEvent.objects.for_object(article).values_list("action", flat=True)) == (
        record
    )
    assert record == ["saved", "submitted", "sent_back"]


@pytest.mark.parametrize("how", [delete, delete_with_list_action])
def test_a_clinical_reviewer_deletes_a_published_page_its_draft_leaves_review_and_its_record_stays(
    editor_client, reviewer_client, make_article, how
):
    article = make_article(title="Water")
    save_change(editor_client, article, body="## Start\n\nDrink water.")
    submit_for_review(editor_client, article)
    signed = SignOff.objects.for_object(article).count()

    response = how(reviewer_client, article)

    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert not Draft.objects.exists()
    assert SignOff.objects.for_object(article).count() == signed == 1
    assert WorkflowEvent.objects.for_object(article).count() == 2
    front_page = reviewer_client.get("/admin/")
    assert front_page.status_code == 200
    waiting = parse(front_page).select_one("#waiting-for-review").get_text()
    assert "Nothing is waiting for clinical review." in waiting


def test_a_recovered_page_comes_back_as_a_draft_with_its_whole_record(
    editor_client, reviewer_client, make_article
):
    article = make_article(title="Water")
    save_change(editor_client, article, body="## Start\n\nDrink water.")
    submit_for_review(editor_client, article)
    decide(reviewer_client, article, "approve", "Matches NHS advice.")
    assert delete(reviewer_client, article).status_code == 302
    deleted = Version.objects.get_deleted(Article).get(object_id=str(article.pk))

    response = submit(editor_client, f"{ARTICLES}recover/{deleted.pk}/")

    assert response.status_code == 302
    recovered = Article.objects.get(pk=article.pk)
    assert recovered.status == Article.Status.DRAFT
    assert Draft.objects.open().for_object(recovered).exists()
    audit = parse(editor_client.get(admin_url(recovered, "audit")))
    assert "Matches NHS advice." in audit.select_one("#audit-signoffs").get_text()
    steps = audit.select_one("#audit-steps").get_text()
    assert "Submitted for clinical review" in steps and "Approved" in steps


def signed_off_meanwhile(article, editor_client, reviewer):
    """The article submitted; a clinical reviewer approves it (publishes and signs it off)
    when called."""
    submit_for_review(editor_client, article)
    draft = Draft.objects.open().for_object(article).get()
    return lambda: drafts.approve(draft, reviewer, "Matches NHS advice.", draft.saves)


def test_a_page_signed_off_after_an_editor_was_allowed_to_delete_it_is_not_deleted(
    editor, editor_client, reviewer
):
    article = add_article(editor_client)
    stale_copy = Article.objects.get(pk=article.pk)
    assert drafts.may_delete(stale_copy, editor)
    signed_off_meanwhile(article, editor_client, reviewer)()

    with pytest.raises(drafts.Refused, match="only a clinical reviewer can delete it"):
        drafts.delete_page(stale_copy, editor)

    assert Article.objects.get(pk=article.pk).is_published
    assert SignOff.objects.for_object(article).count() == 1


@pytest.mark.parametrize("how", [delete, delete_with_list_action])
def test_a_sign_off_that_finishes_while_an_editor_deletes_keeps_the_page_and_says_why(
    editor_client, reviewer, monkeypatch, how
):
    article = add_article(editor_client)
    approve = signed_off_meanwhile(article, editor_client, reviewer)
    lock_page = drafts.lock_page

    def lock_after_the_approval(obj):
        """The deletion waits for the approval's row lock, so it sees the approved row."""
        approve()
        return lock_page(obj)

    monkeypatch.setattr(drafts, "lock_page", lock_after_the_approval)

    response = how(editor_client, article)

    monkeypatch.undo()
    shown = messages_after(editor_client, response)
    assert "“Brand new” has been published" in shown
    assert "only a clinical reviewer can delete it" in shown
    assert "successfully" not in shown.lower()  # Django's own "deleted successfully"
    # (The approval, taken here inside the deletion's transaction, went back with it.)
    assert Article.objects.filter(pk=article.pk).exists()
    assert not LogEntry.objects.filter(action_flag=DELETION).exists()


def test_a_page_deleted_meanwhile_is_a_refusal_not_an_error(reviewer, make_article):
    article = make_article(title="Water")
    stale_copy = Article.objects.get(pk=article.pk)
    drafts.delete_page(article, reviewer)

    with pytest.raises(drafts.Refused, match="“Water” was deleted meanwhile."):
        drafts.delete_page(stale_copy, reviewer)


def test_one_refused_page_of_those_chosen_deletes_none(editor_client, editor, make_article):
    first, second = add_article(editor_client), make_article(title="Water", signed_off=False)

    with pytest.raises(drafts.Refused):
        drafts.delete_pages([first, second], editor)

    assert Article.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
    assert Draft.objects.open().for_object(first).exists()


@requires_row_locks
def test_deleting_a_page_locks_its_row_before_it_decides(editor, make_article):
    article = make_article(title="Water", status=Article.Status.DRAFT, signed_off=False)

    with CaptureQueriesContext(connection) as captured:
        drafts.delete_page(article, editor)

    queries = [q["sql"] for q in captured]
    lock = lock_of("education_article", queries)
    decided = first_read_of("editorial_signoff", queries)
    deleted = next(i for i, sql in enumerate(queries) if sql.startswith("DELETE"))
    assert lock is not None and lock < decided < deleted
