"""Two people acting on one page at once: each step locks the page's row and reads the draft
again under the lock, so the second one waits and then sees what the first did."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial import drafts
from editorial.models import Draft, SignOff
from tests.support.editorial_steps import (
    first_read_of,
    lock_of,
    requires_row_locks,
    save_change,
    submitted_change,
)


def test_an_approval_of_a_draft_saved_again_meanwhile_is_refused(editor_client, reviewer, article):
    as_the_reviewer_read_it = submitted_change(editor_client, article)
    submitted_change(editor_client, article, body="## Start\n\nSneaked in.")

    with pytest.raises(drafts.Refused, match="changed after you opened it"):
        drafts.approve(as_the_reviewer_read_it, reviewer, "", as_the_reviewer_read_it.saves)

    article.refresh_from_db()
    assert "some water" in article.body
    assert Draft.objects.get().state == Draft.State.SUBMITTED


def test_a_second_approval_of_one_draft_is_refused(
    editor_client, reviewer, second_reviewer, article
):
    first_copy = submitted_change(editor_client, article)
    second_copy = Draft.objects.get()

    drafts.approve(first_copy, reviewer, "Accurate.", first_copy.saves)
    with pytest.raises(drafts.Refused, match="not waiting for clinical review"):
        drafts.approve(second_copy, second_reviewer, "Also fine.", second_copy.saves)

    assert SignOff.objects.filter(draft__isnull=False).count() == 1


def test_sending_back_a_draft_approved_meanwhile_is_refused(
    editor_client, reviewer, second_reviewer, article
):
    first_copy = submitted_change(editor_client, article)
    second_copy = Draft.objects.get()

    drafts.approve(first_copy, reviewer, "Accurate.", first_copy.saves)
    with pytest.raises(drafts.Refused, match="not waiting for clinical review"):
        drafts.send_back(second_copy, second_reviewer, "Say how much.")

    assert Draft.objects.get().state == Draft.State.APPROVED


@requires_row_locks
def test_a_save_locks_the_page_before_it_reads_the_draft(editor_client, article):
    submitted_change(editor_client, article)

    with CaptureQueriesContext(connection) as captured:
        save_change(editor_client, article, body="## Start\n\nDrink water.")

    queries = [q["sql"] for q in captured]
    saving = queries[next(i for i, sql in enumerate(queries) if "FOR UPDATE" in sql) :]
    assert lock_of("education_article", saving) is not None
    assert lock_of("education_article", saving) < first_read_of("editorial_draft", saving)


@requires_row_locks
@pytest.mark.parametrize("step", ["approve", "send_back", "submit"])
def test_each_decision_locks_the_page_and_the_draft(editor_client, reviewer, article, step):
    draft = submitted_change(editor_client, article)
    if step == "submit":
        drafts.send_back(draft, reviewer, "Say how much.")
    take_step = {
        "approve": lambda: drafts.approve(draft, reviewer, "", draft.saves),
        "send_back": lambda: drafts.send_back(draft, reviewer, "Say how much."),
        "submit": lambda: drafts.submit(draft, reviewer, "Added an amount."),
    }[step]

    with CaptureQueriesContext(connection) as captured:
        take_step()

    queries = [q["sql"] for q in captured]
    page_lock, draft_lock = (
        lock_of("education_article", queries),
        lock_of("editorial_draft", queries),
    )
    assert page_lock is not None and draft_lock is not None
    assert page_lock < draft_lock == first_read_of("editorial_draft", queries)
