"""Checker releases: the open draft (the checker's rows) submitted, reviewed by a second
clinical reviewer and published as a new numbered release, or an earlier release put back.
docs/clinical-safety.md, "Releases", explains the workflow and why.

Every step is one transaction; emails go once it commits (editorial/notifications.py).
"""

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from editorial import notifications
from editorial.drafts import APPROVE_PERMISSION, reads_language
from triage import data_files, engine, release_diff, spanish_texts
from triage.models import CheckerRelease, draft_snapshot

Status = CheckerRelease.Status
CASES_NAMED = 5


class ReleaseRefused(Exception):
    """A step refused, with what to do about it."""


def case_results(snapshot):
    """Every safety case of a snapshot, run on that snapshot's rules."""
    rulebook = data_files.rulebook_from(snapshot)
    cases = data_files.cases_from(snapshot["safety_cases.json"])
    return [
        {"name": result.case.name, "passed": result.passed, "problems": result.describe()}
        for result in (engine.check_case(rulebook, case) for case in cases)
    ]


def _refuse_failing(results, step):
    failing = [result["name"] for result in results if not result["passed"]]
    if not failing:
        return
    named = "; ".join(f"“{name}”" for name in failing[:CASES_NAMED])
    more = len(failing) - CASES_NAMED
    named += f"; and {more} more" if more > 0 else ""
    raise ReleaseRefused(
        f"This draft cannot be {step}: with it, these safety cases would come out wrong: "
        f"{named}. Fix the draft (or, if a case is out of date, the case) first."
    )


def _refuse_untranslated(snapshot, step):
    """A text without its Spanish, or with other placeholders, stops the release."""
    problems = spanish_texts.snapshot_problems(snapshot)
    if problems:
        what = f"This draft cannot be {step}"
        raise ReleaseRefused(" ".join(spanish_texts.refusal_text(problems, what)))


def draft_editors():
    """Who saved or deleted a checker row in the admin since the draft last matched what a
    second clinical reviewer approved: since the latest approved submission was taken (an
    edit made while it waited for review was not in it, though published after it), or
    since the first release, loaded from the data files, was published."""
    approved = (
        CheckerRelease.objects.numbered()
        .filter(restores__isnull=True, submitted_at__isnull=False)
        .order_by("-submitted_at")
        .first()
    )
    since = approved.submitted_at if approved else CheckerRelease.objects.numbered()[0].published_at
    entries = LogEntry.objects.filter(
        content_type__app_label="triage", action_time__gte=since
    ).exclude(content_type__model__in=["checkerrelease", "result"])
    return get_user_model().objects.filter(pk__in=entries.values("user_id"))


def submit(user, note):
    """The draft, as it stands, goes to the clinical reviewers."""
    if CheckerRelease.objects.in_review() is not None:
        raise ReleaseRefused("A draft is already waiting for clinical review. Review it first.")
    published = CheckerRelease.objects.get(status=Status.PUBLISHED)
    snapshot = draft_snapshot()
    if snapshot == published.snapshot:
        raise ReleaseRefused(
            f"Nothing to submit: the draft is the same as release {published.number}, "
            "which readers are shown now."
        )
    _refuse_failing(case_results(snapshot), "submitted")
    _refuse_untranslated(snapshot, "submitted")
    with transaction.atomic():
        submitted = CheckerRelease.objects.create(
            status=Status.IN_REVIEW,
            snapshot=snapshot,
            submitted_by=user,
            submitted_at=timezone.now(),
            note=note,
        )
        submitted.drafted_by.set({*draft_editors(), user})
    return submitted


def may_approve(user, submitted):
    """A clinical reviewer who did not edit or submit the draft, and who reads Spanish if
    it changes a Spanish text."""
    return not approval_refusal(user, submitted)


def approval_refusal(user, submitted):
    """Why this person may not approve the submitted draft, or ""."""
    if not (
        user.has_perm(APPROVE_PERMISSION)
        and user.pk != submitted.submitted_by_id
        and not submitted.drafted_by.filter(pk=user.pk).exists()
    ):
        return "You edited or submitted this draft, so a second clinical reviewer must approve it."
    if not reads_language(user, "es") and spanish_changes(submitted):
        # As a Spanish page's sign-off (docs/languages.md): only a reader of the language
        # can tell that a Spanish text still says what its English says.
        return (
            "This draft changes Spanish texts, and your reviewer profile does not list "
            "Spanish among the languages you read, so a clinical reviewer who reads Spanish "
            "must approve it."
        )
    return ""


def spanish_changes(submitted):
    """Where the submitted draft's Spanish texts differ from the published release's."""
    published = CheckerRelease.objects.get(status=Status.PUBLISHED)
    changed = release_diff.text_changes(published.snapshot, submitted.snapshot)
    return [change["where"] for change in changed if change["where"].endswith(release_diff.SPANISH)]


def approve(reviewer, submitted, comment):
    """Publish what was submitted (not what the draft has become since): what was reviewed."""
    refusal = approval_refusal(reviewer, submitted)
    if refusal:
        raise ReleaseRefused(refusal)
    results = case_results(submitted.snapshot)
    _refuse_failing(results, "approved")
    _refuse_untranslated(submitted.snapshot, "approved")
    submitted.reviewed_by, submitted.comment = reviewer, comment
    return _publish(submitted, results)


def send_back(reviewer, submitted, comment):
    submitted.status = Status.SENT_BACK
    submitted.reviewed_by, submitted.reviewed_at, submitted.comment = (
        reviewer,
        timezone.now(),
        comment,
    )
    submitted.save()
    recipients = [user.email for user in submitted.drafted_by.exclude(email="")]
    notifications.tell(
        "Sent back: the symptom checker's draft",
        f"{notifications.name_of(reviewer)} sent the checker's draft back.\n\n"
        f"Their comment: {comment}\n",
        recipients,
    )


def roll_back(reviewer, earlier, reason):
    """Put an earlier release back at once, as a new release: a safety action."""
    if not reviewer.has_perm(APPROVE_PERMISSION):
        raise ReleaseRefused("Only a clinical reviewer may put an earlier release back.")
    restored = CheckerRelease(
        status=Status.IN_REVIEW,
        snapshot=earlier.snapshot,
        restores=earlier,
        note=reason,
        submitted_by=reviewer,
        submitted_at=timezone.now(),
        reviewed_by=reviewer,
    )
    release = _publish(restored, case_results(earlier.snapshot))
    notifications.tell(
        f"Put back: release {earlier.number} of the symptom checker",
        f"{notifications.name_of(reviewer)} put release {earlier.number} of the symptom checker "
        f"back, as release {release.number}.\n\nTheir reason: {reason}\n",
        [user.email for user in notifications.reviewers().exclude(pk=reviewer.pk)],
    )
    return release


def _publish(release, results):
    """One transaction: the published release superseded, this one numbered and published."""
    with transaction.atomic():
        current = CheckerRelease.objects.select_for_update().get(status=Status.PUBLISHED)
        current.status = Status.SUPERSEDED
        current.save(update_fields=["status"])
        now = timezone.now()
        release.number = (CheckerRelease.objects.aggregate(Max("number"))["number__max"]) + 1
        release.status = Status.PUBLISHED
        release.reviewed_at = release.published_at = now
        release.case_results = results
        release.save()
    return release
