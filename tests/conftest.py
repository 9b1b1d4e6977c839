"""Shared users and helpers for every test."""

import datetime
import functools
import os

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.test import RequestFactory
from django.utils import timezone

from editorial.models import ReviewerProfile, SignOff
from education.models import Article
from tests.support.admin_forms import PASSWORD, logged_in
from tests.support.pages import WSGIResponse
from triage.questionnaire import Questionnaire


@pytest.fixture(autouse=True)
def fast_test_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The test client's host, so absolute links read as the pages it fetches.
    settings.SITE_URL = "http://testserver"
    # Tests render templates without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    if not os.environ.get("REDIS_URL"):
        # The file cache is shared by every process on the machine; tests keep their own.
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Each test starts with an empty cache, whichever backend (local memory or Redis), and
    # the page cache reads it for every page (tests of the process's copy turn it on).
    settings.PAGE_CACHE_PROCESS_SECONDS = 0
    cache.clear()
    # A test's releases are rolled back with it, so the next test may number another release
    # as this one did; production never takes a published release back.
    Questionnaire.forget_kept_copies()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs what the block's writes wait for until their transaction
    commits (a new content generation), as a real commit would; tests run in a transaction
    that never commits."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded pictures go to a folder of each test's own, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds what `make run` loads after migrating (`manage.py
    load_content`): the editorial roles, the shipped articles and site pages, and the symptom
    checker with its release 1.

    Tests that roll back by re-creating the database from a serialized copy (made when the
    database was created, before this loaded the content) get a copy that includes it.
    """
    with django_db_blocker.unblock():
        call_command("load_content", verbosity=0)
        for connection in connections.all(initialized_only=True):
            if hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture
def reader(db):
    return User.objects.create_user("reader", password=PASSWORD)


def staff_in(group_name, username):
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return staff_in("Editors", "editor")


@pytest.fixture
def reviewer(db):
    return clinical_reviewer("reviewer", "Test", "Reviewer")


@pytest.fixture
def second_reviewer(db):
    return clinical_reviewer("reviewer2", "Second", "Reviewer")


def clinical_reviewer(username, first_name, last_name, role="General practitioner"):
    """A clinical reviewer with the name and role a sign-off shows readers."""
    user = staff_in("Clinical reviewers", username)
    user.first_name, user.last_name, user.email = first_name, last_name, f"{username}@example.org"
    user.save()
    ReviewerProfile.objects.create(user=user, clinical_role=role)
    return user


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("admin", password=PASSWORD)


@pytest.fixture
def admin_client(admin_user):
    return logged_in(admin_user)


@pytest.fixture
def editor_client(editor):
    return logged_in(editor)


@pytest.fixture
def reviewer_client(reviewer):
    return logged_in(reviewer)


@pytest.fixture
def make_article(db):
    """Build an article; published, visible and signed off by default, overridable field by
    field. The sign-off's dates and reviewer are given as last_reviewed, next_review_due and
    reviewed_by ("Name, role"); signed_off=False leaves the article never reviewed."""

    def make(signed_off=True, **fields):
        today = timezone.localdate()
        review = {
            "last_reviewed": fields.pop("last_reviewed", today),
            "next_review_due": fields.pop("next_review_due", today + datetime.timedelta(days=365)),
            "reviewed_by": fields.pop("reviewed_by", "Dr Test, general practitioner"),
        }
        defaults = {
            "title": "Test article",
            "slug": f"test-article-{Article.objects.count() + 1}",
            "summary": "A short summary.",
            "body": "## First section\n\nSome words.\n\n## Second section\n\nMore words.",
            "status": Article.Status.PUBLISHED,
            "publish_at": timezone.now() - datetime.timedelta(minutes=1),
        }
        article = Article.objects.create(**{**defaults, **fields})
        if signed_off:
            sign_off(article, **review)
        return article

    return make


def sign_off(article, last_reviewed, next_review_due, reviewed_by):
    """A sign-off record as a clinical reviewer's approval leaves it."""
    name, role = reviewed_by.split(", ", 1)
    signed_at = timezone.make_aware(datetime.datetime.combine(last_reviewed, datetime.time(9)))
    reviewer, _ = User.objects.get_or_create(username="signing-reviewer")
    article.latest_signoff = SignOff.objects.create(
        target=article,
        kind=SignOff.Kind.APPROVED,
        reviewer=reviewer,
        reviewer_name=name,
        reviewer_role=role,
        signed_at=signed_at,
        goes_live_at=signed_at,
        next_review_due=next_review_due,
    )
    article.save(update_fields=["latest_signoff"])


@pytest.fixture
def wsgi_get(db):
    """GET through cramps_site.wsgi.application, page cache in front, as gunicorn would.

    As Django's test client does, requests leave the database connection alone: closing it
    would end the test's transaction (on PostgreSQL).
    """
    from cramps_site.wsgi import application

    def get(path, **headers):
        environ = RequestFactory().get(path, headers=headers).environ
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            return WSGIResponse(application, environ)
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)

    return get


@pytest.fixture
def no_articles(db):
    """Set the shipped articles aside, for tests that count what they list."""
    Article.objects.all().delete()
