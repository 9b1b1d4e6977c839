"""Checker releases: a change to the draft reaches readers only once a second clinical
reviewer approves it; the author cannot approve; failing safety cases block; a rollback
puts an earlier release back at once and is on the audit page."""

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import Client

from tests.support.admin_forms import form_data
from tests.support.admin_forms import submit as submit_form
from tests.support.answers import PAGE_1_ALL_NO, with_changes
from tests.support.flows import FIRST_PAGE, complete_questionnaire
from tests.support.pages import parse
from tests.support.releases import publish_draft
from triage import releases
from triage.models import CheckerRelease, Factor, Level, Result, Rule, draft_snapshot

SUBMIT = "/admin/triage/checkerrelease/submit/"
AUDIT = "/admin/triage/checkerrelease/audit/"
NEW_ADVICE = "Stretch gently after a run, and drink water through the day."


def review_url(submitted):
    return f"/admin/triage/checkerrelease/{submitted.pk}/review/"


def approve(client, submitted):
    data = {"decision": "approve", "comment": "", "reviewed_whole_page": "on"}
    return client.post(review_url(submitted), data)


def change_overuse_advice():
    Factor.objects.filter(key="overuse").update(advice=NEW_ADVICE)


ANSWERS = with_changes(triggers=["new_exercise"])


def test_advice_changes_for_readers_only_after_a_second_reviewer_approves(
    db, reviewer, second_reviewer, django_capture_on_commit_callbacks
):
    complete_questionnaire(Client(), ANSWERS)
    old_result = Result.objects.get()
    change_overuse_advice()
    author, second = Client(), Client()
    author.force_login(reviewer)
    second.force_login(second_reviewer)

    assert NEW_ADVICE not in parse(complete_questionnaire(Client(), ANSWERS)).get_text()
    with django_capture_on_commit_callbacks(execute=True):
        assert author.post(SUBMIT, {"note": "Clearer advice"}).status_code == 302
    submitted = CheckerRelease.objects.in_review()
    assert "reviewer2@example.org" in mail.outbox[-1].to
    assert approve(author, submitted).status_code == 403
    assert NEW_ADVICE not in parse(complete_questionnaire(Client(), ANSWERS)).get_text()
    assert approve(second, submitted).status_code == 302

    after = parse(complete_questionnaire(Client(), ANSWERS)).get_text()
    old = parse(Client().get(old_result.get_absolute_url())).get_text()
    assert NEW_ADVICE in after and "checker release 2" in " ".join(after.split())
    assert NEW_ADVICE not in old and "checker release 1" in " ".join(old.split())


def test_a_rollback_restores_the_old_text_at_once_and_is_on_the_audit_page(
    db, reviewer, second_reviewer
):
    change_overuse_advice()
    author, second = Client(), Client()
    author.force_login(reviewer)
    second.force_login(second_reviewer)
    author.post(SUBMIT, {"note": "Clearer advice"})
    approve(second, CheckerRelease.objects.in_review())
    first = CheckerRelease.objects.get(number=1)

    refused = author.post(f"/admin/triage/checkerrelease/{first.pk}/rollback/", {"reason": ""})
    response = author.post(
        f"/admin/triage/checkerrelease/{first.pk}/rollback/", {"reason": "Advice unclear"}
    )

    assert refused.status_code == 400 and response.status_code == 302
    assert NEW_ADVICE not in parse(complete_questionnaire(Client(), ANSWERS)).get_text()
    audit = " ".join(parse(author.get(AUDIT)).get_text().split())
    assert "Release 3: release 1 put back" in audit and "Advice unclear" in audit


def test_failing_safety_cases_block_submission_naming_them(client, db, reviewer):
    Level.objects.filter(key="emergency").update(rank=0)
    client.force_login(reviewer)

    response = client.post(SUBMIT, {"note": "Try"})

    assert response.status_code == 409
    assert "safety cases would come out wrong" in response.content.decode()
    assert CheckerRelease.objects.in_review() is None


def test_nothing_to_submit_when_the_draft_equals_the_published_release(client, db, reviewer):
    client.force_login(reviewer)

    response = client.post(SUBMIT, {"note": "Nothing"})

    assert response.status_code == 409
    assert "Nothing to submit" in response.content.decode()


def test_bad_input_on_the_release_screens_gets_a_4xx(client, db, reviewer):
    client.force_login(reviewer)

    assert client.post(SUBMIT, {}).status_code == 400
    assert client.get("/admin/triage/checkerrelease/999/review/").status_code == 404
    assert client.get("/admin/triage/checkerrelease/1/rollback/").status_code == 405
    assert (
        client.post("/admin/triage/checkerrelease/999/rollback/", {"reason": "x"}).status_code
        == 404
    )
    assert client.put(SUBMIT).status_code == 405


def test_the_checker_admin_pages_say_changes_go_into_the_draft_and_link_to_submit(
    client, db, editor
):
    client.force_login(editor)
    rule = Rule.objects.get(code="S9")

    for url in ["/admin/triage/rule/", f"/admin/triage/rule/{rule.pk}/change/"]:
        banner = parse(client.get(url)).select_one(".checker-draft-banner")
        assert "draft release" in banner.get_text()
        assert banner.find("a", string="Submit for clinical review")["href"] == SUBMIT


def test_restore_links_are_not_shown_to_those_who_may_not_restore(client, db, editor, reviewer):
    rule = Rule.objects.get(code="S9")
    url = f"/admin/triage/rule/{rule.pk}/change/"
    client.force_login(reviewer)
    submit_form(client, url, reason="Reworded.")
    client.force_login(editor)

    history = parse(client.get(f"/admin/triage/rule/{rule.pk}/history/"))
    changelist = parse(client.get("/admin/triage/rule/"))

    assert not history.select("a[href*='/history/']")
    assert not changelist.select("a.recoverlink")


def test_an_editor_cannot_change_a_condition_in_the_draft(client, db, editor):
    client.force_login(editor)
    rule = Rule.objects.get(code="S9")
    url = f"/admin/triage/rule/{rule.pk}/change/"
    condition = rule.conditions.get()
    data = form_data(client.get(url))
    assert not any(key.endswith("-values") for key in data)  # shown, not offered to change
    data["conditions-0-values"] = '["no"]'  # and a forged one is ignored

    client.post(url, data)

    condition.refresh_from_db()
    assert condition.values == ["yes"]


def test_failing_safety_cases_block_approval_naming_them(db, reviewer, second_reviewer):
    submitted = CheckerRelease.objects.create(
        status=CheckerRelease.Status.IN_REVIEW, snapshot=draft_snapshot(), submitted_by=reviewer
    )
    submitted.snapshot["levels.json"][0]["rank"] = 0  # the emergency level now ranks lowest
    submitted.save()
    second = Client()
    second.force_login(second_reviewer)

    response = approve(second, submitted)

    assert response.status_code == 403
    assert "safety cases would come out wrong" in response.content.decode()
    assert CheckerRelease.objects.published().number == 1


def test_a_journey_started_before_a_publication_finishes_under_its_own_release(db):
    person = Client()
    person.post(FIRST_PAGE, PAGE_1_ALL_NO)
    change_overuse_advice()
    publish_draft()

    result_page = complete_questionnaire(person, ANSWERS)

    assert Result.objects.get().release.number == 1
    assert NEW_ADVICE not in parse(result_page).get_text()


def test_question_and_result_pages_take_no_more_queries_with_releases(
    client, db, django_assert_max_num_queries
):
    complete_questionnaire(client, ANSWERS)
    result = Result.objects.get()
    client.get(FIRST_PAGE)
    client.get(result.get_absolute_url())

    # The session and the published number (or the result, the articles its advice blocks
    # link to and the article sections drawing its advice): the releases' questionnaires are
    # kept in this process.
    with django_assert_max_num_queries(2):
        client.get(FIRST_PAGE)
    with django_assert_max_num_queries(4):
        client.get(result.get_absolute_url())


def test_a_stale_save_of_the_draft_is_refused_and_the_newer_save_kept(db, reviewer, editor):
    factor = Factor.objects.get(key="overuse")
    url = f"/admin/triage/factor/{factor.pk}/change/"
    first, second = Client(), Client()
    first.force_login(reviewer)
    second.force_login(editor)
    first_form, second_form = form_data(first.get(url)), form_data(second.get(url))

    saved = first.post(url, {**first_form, "advice": NEW_ADVICE})
    stale = second.post(url, {**second_form, "advice": "An older edit."})

    assert saved.status_code == 302 and stale.status_code == 200
    assert "errornote" in stale.content.decode() or "errorlist" in stale.content.decode()
    factor.refresh_from_db()
    assert factor.advice == NEW_ADVICE


def test_a_mail_server_failure_on_submit_is_logged_not_a_500(
    db, reviewer, second_reviewer, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    change_overuse_advice()
    author = Client()
    author.force_login(reviewer)

    def broken(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("editorial.notifications.send_mail", broken)
    with django_capture_on_commit_callbacks(execute=True):
        response = author.post(SUBMIT, {"note": "Clearer advice"})

    assert response.status_code == 302
    assert CheckerRelease.objects.in_review() is not None
    assert "Could not email" in caplog.text


def test_whoever_edited_while_the_last_draft_waited_cannot_approve_the_next(
    db, reviewer, second_reviewer, admin_user
):
    change_overuse_advice()
    waiting = releases.submit(reviewer, "Clearer advice")
    factor = Factor.objects.get(key="warm_up")  # edited while the draft above waits
    Factor.objects.filter(pk=factor.pk).update(advice="Warm up for five minutes first.")
    LogEntry.objects.create(
        user=second_reviewer,
        content_type=ContentType.objects.get_for_model(Factor),
        object_id=str(factor.pk),
        object_repr=str(factor),
        action_flag=CHANGE,
    )
    releases.approve(admin_user, waiting, "")

    next_draft = releases.submit(reviewer, "Warm-up advice")

    assert not releases.may_approve(second_reviewer, next_draft)
