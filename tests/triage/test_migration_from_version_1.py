"""A database made with version 1 of the questionnaire moves through version 2 to the current
version: the rows become those of triage/data/, stored results stay and still show, and the
way back restores v1."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.support.answers import shipped_cases
from tests.support.pages import parse
from triage.models import AdviceStep, Factor, Question, Result, Rule, SafetyCase

VERSION_1 = ("triage", "0003_editorial_roles")
# Version 3: rules, questions, factors, advice steps, safety cases.
CURRENT_ROWS = (69, 29, 16, 13, len(shipped_cases()))


def migrate_to(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def current_rows():
    return (
        Rule.objects.count(),
        Question.objects.count(),
        Factor.objects.count(),
        AdviceStep.objects.count(),
        SafetyCase.objects.count(),
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_version_1_database_moves_to_the_current_version_and_keeps_its_results(client):
    old_apps = migrate_to(VERSION_1)
    assert old_apps.get_model("triage", "Rule").objects.count() == 21
    old_result = old_apps.get_model("triage", "Result").objects.create(
        token="version-1-result",
        answers={"chest_pain_or_breathless": "no", "one_leg_swollen": "yes"},
        level="urgent",
        fired_rules=[{"code": "U1", "level": "urgent", "reason": "Can be a blood clot."}],
        factors=[],
        rules_version="v1fingerprint",
    )

    call_command("migrate", verbosity=0)

    assert current_rows() == CURRENT_ROWS
    result = Result.objects.get(pk=old_result.pk)
    assert (result.level, result.advice) == ("urgent", [])
    soup = parse(client.get(result.get_absolute_url()))
    assert soup.select_one("[data-urgency]")["data-urgency"] == "urgent"
    assert soup.select_one(".older-rules")
    assert "Can be a blood clot." in soup.get_text()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_going_back_to_version_1_restores_its_rules_and_forward_again_gives_the_current():
    old_apps = migrate_to(VERSION_1)

    assert old_apps.get_model("triage", "Rule").objects.count() == 21
    assert old_apps.get_model("triage", "SafetyCase").objects.count() == 30

    call_command("migrate", verbosity=0)

    assert current_rows() == CURRENT_ROWS
    call_command("check_safety_cases", verbosity=0)  # exits non-zero on any failure
