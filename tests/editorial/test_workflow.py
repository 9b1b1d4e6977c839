"""Drafts, submission and clinical sign-off, through the admin as each role."""

import datetime

from django.core import mail
from django.utils import timezone

from editorial.models import Draft, SignOff, WorkflowEvent, months_after
from education.models import Article
from tests.support.admin_forms import logged_in
from tests.support.editorial_steps import (
    NEW_BODY,
    add_article,
    admin_url,
    decide,
    draft_form,
    save_change,
    submit_for_review,
    submitted_change,
)
from tests.support.pages import parse


def public_text(client, article):
    return parse(client.get(article.get_absolute_url())).select_one(".article-body").get_text()


def test_an_editors_change_stays_off_the_public_page_until_a_reviewer_approves(
    client, editor_client, reviewer_client, article
):
    submitted_change(editor_client, article)

    assert "Drink some water" in public_text(client, article)
    article.refresh_from_db()
    assert "some water" in article.body

    response = decide(reviewer_client, article, "approve", "Checked against NHS advice.")

    assert response.status_code == 302
    assert "Drink plenty of water" in public_text(client, article)


def test_the_change_form_shows_the_draft_not_the_live_text(editor_client, article):
    save_change(editor_client, article, body=NEW_BODY)

    assert draft_form(editor_client, article)["body"].replace("\r\n", "\n") == NEW_BODY
    article.refresh_from_db()
    assert "some water" in article.body


def test_an_editor_cannot_approve(editor_client, second_reviewer, article):
    client = logged_in(second_reviewer)
    submitted_change(client, article)

    response = decide(editor_client, article, "approve")

    assert response.status_code == 403
    assert "Only clinical reviewers" in response.content.decode()
    assert Draft.objects.get().state == Draft.State.SUBMITTED
    assert not SignOff.objects.filter(draft__isnull=False).exists()


def test_a_reviewer_cannot_approve_their_own_change(reviewer_client, article):
    submitted_change(reviewer_client, article)

    page = parse(reviewer_client.get(admin_url(article, "review")))
    response = reviewer_client.post(
        admin_url(article, "review"),
        {"decision": "approve", "saves": 1, "reviewed_whole_page": "on"},
    )

    assert "nobody signs off their own change" in page.get_text()
    assert not page.select("button[value=approve]")
    assert response.status_code == 403
    assert "nobody signs off their own change" in response.content.decode()
    article.refresh_from_db()
    assert "some water" in article.body


def test_sending_back_needs_a_comment(editor_client, reviewer_client, article):
    submitted_change(editor_client, article)

    response = decide(reviewer_client, article, "send_back", "")

    assert response.status_code == 400
    assert "Enter a comment" in response.content.decode()
    assert Draft.objects.get().state == Draft.State.SUBMITTED


def test_send_back_keeps_the_draft_and_emails_the_editor(
    editor, editor_client, reviewer_client, article, django_capture_on_commit_callbacks
):
    editor.email = "editor@example.org"
    editor.save()
    submitted_change(editor_client, article)

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(reviewer_client, article, "send_back", "Say how much water.")

    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    assert "Say how much water." in mail.outbox[0].body
    draft = Draft.objects.get()
    assert draft.state == Draft.State.SENT_BACK
    assert draft_form(editor_client, article)["body"].replace("\r\n", "\n") == NEW_BODY
    status = parse(editor_client.get(admin_url(article, "change"))).select_one("#workflow-status")
    assert "Say how much water." in status.get_text()


def test_submission_emails_the_reviewers(
    editor_client, reviewer, article, django_capture_on_commit_callbacks
):
    save_change(editor_client, article, body=NEW_BODY)

    with django_capture_on_commit_callbacks(execute=True):
        submit_for_review(editor_client, article, note="Reworded the advice on water.")

    assert [m.to for m in mail.outbox] == [[reviewer.email]]
    assert "Reworded the advice on water." in mail.outbox[0].body
    assert admin_url(article, "review") in mail.outbox[0].body


def test_submitting_needs_a_note(editor_client, article):
    save_change(editor_client, article, body=NEW_BODY)

    response = submit_for_review(editor_client, article, note="")

    assert response.status_code == 400
    assert "Enter a note for the clinical reviewer." in response.content.decode()
    assert Draft.objects.get().state == Draft.State.EDITING


def test_reviewers_see_submissions_waiting_on_the_admin_front_page(
    editor_client, reviewer_client, article
):
    submitted_change(editor_client, article)

    waiting = parse(reviewer_client.get("/admin/")).select_one("#waiting-for-review")

    link = waiting.select_one("tbody a")
    assert link.get_text() == "Water" and link["href"] == admin_url(article, "review")


def test_approval_publishes_records_the_sign_off_and_the_page_shows_it(
    client,
    editor,
    editor_client,
    reviewer,
    reviewer_client,
    article,
    django_capture_on_commit_callbacks,
):
    editor.email = "editor@example.org"
    editor.save()
    submitted_change(editor_client, article)

    with django_capture_on_commit_callbacks(execute=True):
        decide(reviewer_client, article, "approve", "Matches NHS advice.")

    signoff = SignOff.objects.filter(draft__isnull=False).get()
    article.refresh_from_db()
    assert article.latest_signoff == signoff
    assert (signoff.reviewer, signoff.comment) == (reviewer, "Matches NHS advice.")
    assert signoff.version.field_dict["body"] == NEW_BODY
    today = timezone.localdate()
    assert signoff.next_review_due == today.replace(year=today.year + 1)
    assert "Approved" in mail.outbox[-1].subject and mail.outbox[-1].to == ["editor@example.org"]
    block = parse(client.get(article.get_absolute_url())).select_one(".review-dates").get_text()
    assert "Reviewed by Test Reviewer, General practitioner" in block
    assert f"Page last reviewed: {today:%B %-d, %Y}" in " ".join(block.split())


def test_approving_asks_the_reviewer_to_confirm_they_reviewed_the_whole_page(
    client, editor_client, reviewer_client, article, settings
):
    submitted_change(editor_client, article)
    bar = parse(reviewer_client.get(admin_url(article, "review"))).select_one(".action-bar")

    response = decide(reviewer_client, article, "approve", whole_page_confirmed=False)

    label = bar.select_one("label[for=id_reviewed_whole_page]").get_text()
    assert label == "I have reviewed the whole page, not only the changes"
    months = settings.EDITORIAL_REVIEW_INTERVAL_MONTHS
    assert f"due for review again in {months} months" in bar.get_text()
    assert [b.get_text() for b in bar.select("button")] == ["Approve", "Send back"]
    assert response.status_code == 400
    assert "Confirm that you have reviewed the whole page" in response.content.decode()
    assert not SignOff.objects.filter(draft__isnull=False).exists()
    assert Draft.objects.get().state == Draft.State.SUBMITTED
    assert "Drink some water" in public_text(client, article)


def test_sending_back_needs_no_confirmation(editor_client, reviewer_client, article):
    submitted_change(editor_client, article)

    response = decide(reviewer_client, article, "send_back", "Check the dose.")

    assert response.status_code == 302
    assert Draft.objects.get().state == Draft.State.SENT_BACK


def test_a_change_made_after_the_reviewer_opened_it_is_not_approved(
    editor_client, reviewer_client, article
):
    submitted_change(editor_client, article)
    page = parse(reviewer_client.get(admin_url(article, "review")))
    save_change(editor_client, article, body="## Start\n\nSneaked in.")
    submit_for_review(editor_client, article)

    saves = page.select_one("input[name=saves]")["value"]
    response = reviewer_client.post(
        admin_url(article, "review"),
        {"decision": "approve", "saves": saves, "reviewed_whole_page": "on"},
    )

    assert response.status_code == 403
    assert "changed after you opened it" in response.content.decode()


def test_a_scheduled_approval_goes_live_at_its_time(
    client, editor_client, reviewer_client, monkeypatch, db
):
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    response = editor_client.post(
        "/admin/education/article/add/",
        {
            "language": "en",
            "title": "Scheduled",
            "slug": "scheduled",
            "summary": "Soon.",
            "body": "## Start\n\nText.",
            "publish_at_0": tomorrow.date().isoformat(),
            "publish_at_1": "09:00:00",
            "order": 1,
            "group": "about",
            "sources-TOTAL_FORMS": 0,
            "sources-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="scheduled")
    submit_for_review(editor_client, article)

    decide(reviewer_client, article, "approve")

    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert client.get(article.get_absolute_url()).status_code == 404
    later = article.publish_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert client.get(article.get_absolute_url()).status_code == 200
    assert SignOff.objects.get(draft__isnull=False).goes_live_at == article.publish_at


def test_a_new_article_stays_hidden_until_approved(client, editor_client, reviewer_client, db):
    article = add_article(editor_client)
    assert client.get(article.get_absolute_url()).status_code == 404

    submit_for_review(editor_client, article)
    decide(reviewer_client, article, "approve")

    assert client.get(article.get_absolute_url()).status_code == 200


def test_mark_as_reviewed_no_changes_records_a_sign_off(client, reviewer_client, make_article):
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    article = make_article(last_reviewed=long_ago, next_review_due=long_ago)

    response = decide(reviewer_client, article, "no_changes", "Checked against NICE CKS.")

    assert response.status_code == 302
    article.refresh_from_db()
    signoff = article.latest_signoff
    assert (
        signoff.kind == SignOff.Kind.NO_CHANGES and signoff.comment == "Checked against NICE CKS."
    )
    assert article.last_reviewed == timezone.localdate() and not article.review_overdue
    assert "Test Reviewer" in client.get(article.get_absolute_url()).content.decode()


def test_an_editor_cannot_mark_a_page_reviewed(editor_client, make_article):
    article = make_article(signed_off=False)

    response = editor_client.post(admin_url(article, "review"), {"decision": "no_changes"})

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.latest_signoff is None


def test_a_reviewer_without_a_clinical_role_cannot_sign_off(
    editor_client, reviewer, reviewer_client, article
):
    reviewer.reviewer_profile.delete()
    submitted_change(editor_client, article)

    response = decide(reviewer_client, article, "approve")

    assert response.status_code == 403
    assert "no clinical role" in response.content.decode()


def test_an_unreviewed_page_says_so_and_claims_no_reviewer(client, make_article):
    article = make_article(signed_off=False)

    page = parse(client.get(article.get_absolute_url()))

    block = page.select_one(".review-dates").get_text()
    assert "This page has not yet been reviewed by a clinician." in block
    assert "Reviewed by" not in block and "Page last reviewed" not in block
    data = page.select_one('script[type="application/ld+json"]').string
    assert "reviewedBy" not in data and "lastReviewed" not in data


def test_the_diff_shows_an_inserted_and_a_deleted_word(editor_client, reviewer_client, article):
    submitted_change(editor_client, article)

    diff = parse(reviewer_client.get(admin_url(article, "review"))).select_one("#word-diff")

    assert [d.get_text() for d in diff.select("del")] == ["[removed: some]"]
    assert [i.get_text() for i in diff.select("ins")] == ["[added: plenty of]"]


def test_the_readability_panel_flags_a_long_sentence_and_a_hard_word(
    editor_client, reviewer_client, article
):
    thirty_words = " ".join(["cramps"] * 29) + " hurt."
    body = f"## Start\n\n{thirty_words} Stretch the adductor gently."
    submitted_change(editor_client, article, body=body)

    review = parse(reviewer_client.get(admin_url(article, "review")))
    editing = parse(editor_client.get(admin_url(article, "change")))

    for panel in [review.select_one("#readability"), editing.select_one("#readability")]:
        assert "30 words" in panel.select_one(".long-sentences").get_text()
        assert "“adductor”: try “inner thigh muscle”" in panel.select_one(".hard-words").get_text()


def test_the_preview_shows_the_draft_in_the_readers_template(client, editor_client, article):
    save_change(editor_client, article, body=NEW_BODY)

    preview = editor_client.get(admin_url(article, "preview"))

    assert preview.status_code == 200 and "no-store" in preview["Cache-Control"]
    assert "Drink plenty of water" in parse(preview).select_one(".article-body").get_text()
    assert "Drink some water" in public_text(client, article)


def test_the_preview_says_it_is_a_draft_and_leads_back_to_the_editor(
    client, editor_client, article
):
    save_change(editor_client, article, body=NEW_BODY)

    banner = parse(editor_client.get(admin_url(article, "preview"))).select_one(
        ".draft-preview-banner"
    )

    assert "Draft preview, not live." in banner.get_text()
    assert banner.select_one("a")["href"] == admin_url(article, "change")
    assert not parse(client.get(article.get_absolute_url())).select(".draft-preview-banner")


def test_readers_cannot_preview_drafts(client, reader, article):
    client.force_login(reader)

    assert client.get(admin_url(article, "preview")).status_code == 302


def test_the_audit_page_lists_every_step(editor_client, reviewer_client, article):
    article.sources.create(
        title="NHS: leg cramps", url="https://www.nhs.uk/", accessed="2026-11-01"
    )
    submitted_change(editor_client, article)
    decide(reviewer_client, article, "send_back", "Say how much.")
    save_change(editor_client, article, body="## Start\n\nDrink 6 to 8 glasses a day.")
    submit_for_review(editor_client, article, note="Added an amount.")
    decide(reviewer_client, article, "approve", "Good.")
    decide(reviewer_client, article, "no_changes", "Still right.")

    page = parse(editor_client.get(admin_url(article, "audit")))

    steps = [
        [cell.get_text() for cell in row.select("td")][1:]
        for row in page.select("#audit-steps tbody tr")
    ]
    assert steps == [
        ["editor", "Saved a draft", "Changed Body."],
        ["editor", "Submitted for clinical review", "Clearer wording."],
        ["Test Reviewer", "Sent back to the editor", "Say how much."],
        ["editor", "Saved a draft", "Changed Body."],
        ["editor", "Submitted for clinical review", "Added an amount."],
        ["Test Reviewer", "Approved", "Good."],
        ["Test Reviewer", "Reviewed, no changes needed", "Still right."],
    ]
    signoffs = page.select_one("#audit-signoffs").get_text()
    assert "Approved a change" in signoffs and "Reviewed, no changes needed" in signoffs
    assert "Test Reviewer, General practitioner" in signoffs
    versions = page.select_one("#audit-versions").get_text()
    assert "Approved by Test Reviewer, General practitioner. Good." in versions
    assert "Was this page helpful?" in page.get_text()
    assert "NHS: leg cramps, https://www.nhs.uk/, 2026-11-01" in page.get_text()
    assert WorkflowEvent.objects.count() == 7


def test_a_decision_that_is_not_one_of_the_buttons_is_refused_with_a_message(
    reviewer_client, article
):
    response = reviewer_client.post(admin_url(article, "review"), {"decision": "publish"})

    assert response.status_code == 400
    assert "That decision was not understood" in response.content.decode()
    assert not SignOff.objects.filter(reviewer__username="reviewer").exists()


def test_changing_a_submitted_draft_takes_it_out_of_review(editor_client, article):
    submitted_change(editor_client, article)

    response = save_change(editor_client, article, body="## Start\n\nDrink water.")

    assert Draft.objects.get().state == Draft.State.EDITING
    messages = parse(editor_client.get(response["Location"])).select_one(".messagelist")
    assert "submit it again" in messages.get_text()


def test_the_review_interval_follows_its_setting(editor_client, reviewer_client, article, settings):
    settings.EDITORIAL_REVIEW_INTERVAL_MONTHS = 6
    submitted_change(editor_client, article)

    page = parse(reviewer_client.get(admin_url(article, "review"))).get_text()
    decide(reviewer_client, article, "approve", "Matches NHS advice.")

    assert "Approving sets the next review for 6 months from today." in " ".join(page.split())
    signoff = SignOff.objects.filter(draft__isnull=False).get()
    assert signoff.next_review_due == months_after(timezone.localdate(), 6)
