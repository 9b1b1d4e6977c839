"""The migrations go both ways: reversing removes what they made, and they redo it. Articles
and site pages come from `load_content`, not from migrations, so no migration removes them."""

import hashlib
from importlib import import_module

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from education.models import Article
from education.shipped_content import article_fields, fingerprint
from tests.support.answers import shipped_cases
from triage.models import Question, Rule, SafetyCase

HAND_OVER = "education.migrations.0007_hand_version_one_articles_to_the_loader"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrations_reverse_and_reapply_and_leave_the_content_alone():
    # The shipped articles, in English and in Spanish.
    assert Article.objects.count() == 20 and Rule.objects.count() == 69

    call_command("migrate", "triage", "0001", verbosity=0)
    assert not Rule.objects.exists() and not Question.objects.exists()
    assert not SafetyCase.objects.exists()

    call_command("migrate", "education", "0003", verbosity=0)
    assert "education_sitepage" not in connection.introspection.table_names()

    call_command("migrate", verbosity=0)

    assert Rule.objects.count() == 69 and SafetyCase.objects.count() == len(shipped_cases())
    assert Article.objects.count() == 20


def sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_version_one_article_nobody_edited_is_handed_to_the_loader(monkeypatch):
    # The free-text review fields it clears went away with the sign-off (education 0009).
    call_command("migrate", "education", HAND_OVER.rsplit(".", 1)[1], verbosity=0)
    apps = (
        MigrationLoader(connection).project_state(("education", HAND_OVER.rsplit(".", 1)[1])).apps
    )
    Article = apps.get_model("education", "Article")
    migration = import_module(HAND_OVER)
    article = Article.objects.get(slug="inner-thigh-cramps")
    edited = Article.objects.get(slug="groin-strain")
    Article.objects.filter(pk__in=[article.pk, edited.pk]).update(
        content_hash="", reviewed_by="Dr Invented, general practitioner"
    )
    monkeypatch.setattr(
        migration,
        "VERSION_ONE_BODIES",
        {article.slug: sha256(article.body), edited.slug: sha256("what version 1 said")},
    )
    monkeypatch.setattr(migration, "INVENTED_REVIEWER", sha256("Dr Invented, general practitioner"))

    migration.hand_over(apps, None)

    article.refresh_from_db()
    edited.refresh_from_db()
    assert article.content_hash == fingerprint(article_fields(article))
    assert edited.content_hash == ""  # changed since version 1: the editor's, kept
    assert article.reviewed_by == edited.reviewed_by == ""

    migration.take_back(apps, None)

    article.refresh_from_db()
    assert article.content_hash == ""
    call_command("migrate", verbosity=0)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_roles_migration_updates_the_groups_an_older_install_already_has():
    call_command("migrate", "editorial", "0001", verbosity=0)
    assert not Group.objects.exists()
    # As triage's 0003_editorial_roles left them before the roles moved to editorial.
    older = Group.objects.create(name="Clinical reviewers")
    Group.objects.create(name="Editors")

    call_command("migrate", verbosity=0)

    reviewers = Group.objects.get(name="Clinical reviewers")
    assert reviewers.pk == older.pk
    assert reviewers.permissions.filter(codename="approve_draft").exists()
    assert Group.objects.get(name="Editors").permissions.filter(codename="change_article").exists()
