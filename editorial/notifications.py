"""Emails for the workflow: reviewers hear of each submission, editors of each decision.

They go after the step's transaction commits, so nobody is told of a step that rolled back;
a mail server that fails is logged and never undoes the step.
"""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q

logger = logging.getLogger(__name__)


def tell_reviewers(draft, submitter, note, review_url):
    subject = f"Waiting for clinical review: {draft.title}"
    body = (
        f"{_name(submitter)} submitted a change to “{draft.title}” for clinical review.\n\n"
        f"Their note: {note}\n\nReview it here: {review_url}\n"
    )
    _send_later(subject, body, [u.email for u in reviewers().exclude(pk=submitter.pk)])


def tell_editors(draft, reviewer, outcome, comment, change_url):
    subject = f"{outcome}: {draft.title}"
    body = (
        f"{_name(reviewer)} {outcome.lower()} your change to “{draft.title}”.\n\n"
        f"Their comment: {comment or '(none)'}\n\nThe page in the admin: {change_url}\n"
    )
    _send_later(subject, body, [u.email for u in draft.editors.exclude(email="")])


def reviewers():
    """Active accounts that may approve drafts, and have an email address."""
    approve = Permission.objects.get(codename="approve_draft", content_type__app_label="editorial")
    return (
        get_user_model()
        .objects.filter(
            Q(groups__permissions=approve) | Q(user_permissions=approve) | Q(is_superuser=True),
            is_active=True,
        )
        .exclude(email="")
        .distinct()
    )


def _name(user):
    return user.get_full_name() or user.get_username()


def _send_later(subject, body, recipients):
    if recipients:
        transaction.on_commit(lambda: _send(subject, body, recipients))


def _send(subject, body, recipients):
    # A title saved before titles were held to one line must not break the header.
    subject = " ".join(subject.split())
    try:
        send_mail(subject, body, None, recipients)
    except Exception:
        # Whatever the mail server or the message does (SMTP errors, a refused header), the
        # step is recorded already: the person gets their page, and the failure is logged.
        logger.exception("Could not email %s about %r", ", ".join(recipients), subject)


def tell(subject, body, recipients):
    """Any other workflow's email (the checker's releases), sent as these are: once the step
    commits, a failure logged."""
    _send_later(subject, body, recipients)


def name_of(user):
    return _name(user)
