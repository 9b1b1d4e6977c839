"""The data migrations go both ways: reversing removes what they made, and they redo it."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from education.models import Article
from triage.models import Question, Rule, SafetyCase


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_content_migrations_reverse_and_reapply():
    assert Article.objects.count() == 4 and Rule.objects.count() == 21

    call_command("migrate", "triage", "0001", verbosity=0)
    assert not Rule.objects.exists() and not Question.objects.exists()
    assert not SafetyCase.objects.exists()

    call_command("migrate", "education", "0001", verbosity=0)
    assert not Article.objects.exists()

    call_command("migrate", verbosity=0)

    assert Article.objects.count() == 4 and Rule.objects.count() == 21
    assert SafetyCase.objects.count() == 30


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
