"""A checker change in a real browser: one clinical reviewer rewords a factor's advice in the
draft and submits it; readers keep the published text; a second clinical reviewer approves;
readers then get the new text, while a result stored before keeps its release; a rollback
puts the old text back at once and is on the audit page. axe checks the new admin pages."""

from playwright.sync_api import expect

from tests.support.accessibility import assert_no_violations
from tests.support.browser_steps import answer_pages, by_page, confirm, log_in, staff, start
from triage.models import Factor

NEW_ADVICE = "Build up new exercise slowly, a little more each week."
OVERUSE = by_page(triggers=["new_exercise"])


def clinical_reviewer(username):
    return staff(username, "Clinical reviewers")


def reader_result(page):
    start(page)
    answer_pages(page, OVERUSE)
    confirm(page)
    return page.locator("main").inner_text()


def test_a_checker_change_reaches_readers_only_after_a_second_reviewer(new_page):
    clinical_reviewer("author")
    clinical_reviewer("second")
    factor = Factor.objects.get(key="overuse")
    author, second, reader = new_page(), new_page(), new_page()

    log_in(author, "author")
    author.goto(f"/admin/triage/factor/{factor.pk}/change/")
    expect(author.locator(".checker-draft-banner")).to_contain_text("draft release")
    author.locator("#id_advice").fill(NEW_ADVICE)
    author.locator("input[name=_save]").click()
    assert NEW_ADVICE not in reader_result(reader)
    old_result_url = reader.url

    author.get_by_role("link", name="Submit for clinical review").first.click()
    assert_no_violations(author, within="#content")  # Django's own chrome aside
    author.get_by_label("Note for the clinical reviewer").fill("Plainer advice.")
    author.get_by_role("button", name="Submit for clinical review").click()
    expect(author.locator(".messagelist")).to_contain_text("Submitted")

    log_in(second, "second")
    second.goto("/admin/triage/checkerrelease/")
    second.get_by_role("link", name="Review this draft").click()
    expect(second.locator("#content")).to_contain_text("Factor overuse: advice")
    expect(second.locator("#content ins").filter(has_text="each week")).not_to_have_count(0)
    assert_no_violations(second, within="#content")
    second.get_by_label("Decision").select_option("approve")
    second.get_by_label("I have reviewed every change and the safety case results").check()
    second.get_by_role("button", name="Record my decision").click()
    expect(second.locator(".messagelist")).to_contain_text("release 2")

    assert NEW_ADVICE in reader_result(reader)
    reader.goto(old_result_url)
    expect(reader.locator("main")).to_contain_text("checker release 1")
    expect(reader.locator("main")).not_to_contain_text(NEW_ADVICE)

    second.goto("/admin/triage/checkerrelease/audit/")
    assert_no_violations(second, within="#content")
    second.get_by_label("Why put release 1 back").fill("The new advice needs more work.")
    second.get_by_role("button", name="Put release 1 back now").click()
    expect(second.locator("#content")).to_contain_text("The new advice needs more work.")
    assert NEW_ADVICE not in reader_result(reader)
