"""The clinical sign-off loop in a real browser: an editor drafts, previews and submits; a
clinical reviewer reads the diff and approves; a reader then sees the change. axe checks the
admin pages the workflow adds."""

import re

from playwright.sync_api import expect

from editorial.models import ReviewerProfile
from education.models import Article
from tests.support.accessibility import assert_no_violations
from tests.support.browser_steps import log_in, sideways_overflow, staff

NEW_TITLE = "Inner thigh cramps, clearly explained"


def log_in_to_the_front_page(page, username):
    log_in(page, username)
    expect(page.locator("#waiting-for-review")).to_be_visible()


def test_editor_drafts_reviewer_approves_reader_sees_the_change(new_page):
    staff("browser-editor", "Editors")
    reviewer = staff("browser-reviewer", "Clinical reviewers", first_name="Browser")
    reviewer.last_name = "Reviewer"
    reviewer.save()
    ReviewerProfile.objects.create(user=reviewer, clinical_role="General practitioner")
    article = Article.objects.published().filter(language="en").first()
    original = article.title
    editor, clinician, reader = new_page(), new_page(), new_page()

    log_in_to_the_front_page(editor, "browser-editor")
    editor.goto(f"/admin/education/article/{article.pk}/change/")
    assert_no_violations(editor, within="#workflow-status")  # the rest is Django's own form
    editor.locator("#id_title").fill(NEW_TITLE)
    editor.get_by_label("Comment on this change").fill("Clearer title")
    editor.locator("input[name=_save]").click()
    expect(editor.locator(".messagelist")).to_contain_text("Saved as a draft")

    editor.get_by_role("link", name="Preview the draft").click()
    expect(editor.locator("h1")).to_have_text(NEW_TITLE)
    expect(editor.locator(".draft-preview-banner")).to_contain_text("Draft preview, not live.")
    reader.goto(article.get_absolute_url())
    expect(reader.locator("h1")).to_have_text(original)

    editor.goto(f"/admin/education/article/{article.pk}/change/")
    editor.get_by_role("link", name="Submit for clinical review").click()
    assert_no_violations(editor)
    editor.get_by_label("Note for the clinical reviewer").fill("Plainer title.")
    editor.get_by_role("button", name="Submit for clinical review").click()
    expect(editor.locator(".messagelist")).to_contain_text("for clinical review")

    log_in_to_the_front_page(clinician, "browser-reviewer")
    clinician.locator("#waiting-for-review").get_by_role("link", name=NEW_TITLE).click()
    expect(clinician.locator("#word-diff ins")).to_contain_text("clearly")
    assert_no_violations(clinician)
    assert sideways_overflow(clinician) <= 0  # the drawings fit their columns
    clinician.get_by_label("Your comment").first.fill("Matches the sources.")
    clinician.get_by_role("button", name="Approve").click()
    expect(clinician.locator(".action-bar .errorlist")).to_contain_text("whole page")
    clinician.get_by_label("I have reviewed the whole page, not only the changes").check()
    clinician.get_by_role("button", name="Approve").click()
    expect(clinician.locator(".messagelist")).to_contain_text("Readers now see the new version")

    clinician.get_by_role("link", name="Audit record").click()
    expect(clinician.locator("#audit-steps")).to_contain_text("Matches the sources.")
    assert_no_violations(clinician)

    reader.goto(article.get_absolute_url())
    expect(reader.locator("h1")).to_have_text(NEW_TITLE)
    expect(reader.locator(".review-dates")).to_contain_text(
        re.compile("Reviewed by Browser Reviewer, General practitioner")
    )
