"""A title is one line, because it goes into email subjects; and an email that fails is
logged, never turning a step already recorded into an error page."""

import smtplib

import pytest
from django.core import mail
from django.core.mail import BadHeaderError

from editorial.models import Draft, WorkflowEvent
from education.models import Article, SitePage
from tests.support.admin_forms import submit
from tests.support.editorial_steps import (
    admin_url,
    decide,
    save_change,
    submit_for_review,
    submitted_change,
)
from tests.support.pages import parse


@pytest.fixture
def article(make_article):
    return make_article(title="Water and cramps")


@pytest.mark.parametrize(
    "title", ["Two\nlines", "Carriage\rreturn", "A\ttab", "Line\u2028separator"]
)
@pytest.mark.parametrize("model", [Article, SitePage])
def test_a_title_with_a_control_character_is_refused_with_a_form_error(
    admin_client, make_article, model, title
):
    page = make_article() if model is Article else SitePage.objects.first()
    url = f"/admin/education/{model._meta.model_name}/{page.pk}/change/"

    response = submit(admin_client, url, title=title)

    assert response.status_code == 200
    errors = parse(response).select_one(".field-title .errorlist").get_text()
    assert "one line, without line breaks" in errors
    assert not Draft.objects.exists()


def failing_mail(error):
    def send_mail(*args, **kwargs):
        raise error

    return send_mail


@pytest.mark.parametrize(
    "error", [BadHeaderError("newline in header"), smtplib.SMTPServerDisconnected("gone")]
)
def test_a_failing_email_is_logged_and_the_submission_stands(
    editor_client, reviewer, article, monkeypatch, caplog, django_capture_on_commit_callbacks, error
):
    monkeypatch.setattr("editorial.notifications.send_mail", failing_mail(error))
    save_change(editor_client, article)

    with django_capture_on_commit_callbacks(execute=True):
        response = submit_for_review(editor_client, article)

    assert response.status_code == 302
    assert Draft.objects.get().state == Draft.State.SUBMITTED
    assert "Could not email" in caplog.text


def test_a_line_break_saved_in_an_old_title_still_lets_approval_and_its_email_through(
    editor, editor_client, reviewer_client, article, django_capture_on_commit_callbacks
):
    editor.email = "editor@example.org"
    editor.save()
    submitted_change(editor_client, article)
    draft = Draft.objects.get()
    draft.snapshot["object"]["fields"]["title"] = "Saved before\nthe check"
    draft.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(reviewer_client, article, "send_back", "Shorter, please.")

    assert response.status_code == 302
    assert WorkflowEvent.objects.filter(action=WorkflowEvent.Action.SENT_BACK).exists()
    assert mail.outbox[0].subject == "Sent back: Saved before the check"
    assert admin_url(article, "change") in mail.outbox[0].body
