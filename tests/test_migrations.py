"""The data migrations go both ways: reversing removes what they made, and they redo it."""

import pytest
from django.core.management import call_command

from education.models import Article
from triage.models import Question, Rule, SafetyCase


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_content_migrations_reverse_and_reapply():
    assert Article.objects.count() == 4 and Rule.objects.count() == 56

    call_command("migrate", "triage", "0001", verbosity=0)
    assert not Rule.objects.exists() and not Question.objects.exists()
    assert not SafetyCase.objects.exists()

    call_command("migrate", "education", "0001", verbosity=0)
    assert not Article.objects.exists()

    call_command("migrate", verbosity=0)

    assert Article.objects.count() == 4 and Rule.objects.count() == 56
    assert SafetyCase.objects.count() == 92
