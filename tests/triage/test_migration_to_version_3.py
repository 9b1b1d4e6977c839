"""A database with version 2 of the questionnaire moves to version 3: the rows become those of
triage/data/, stored version 1 and version 2 results stay and still show, marked as made with
older rules, and the way back restores version 2 from triage/data/version_2/."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.support.pages import parse
from triage.models import Question, Result, Rule

VERSION_2 = ("triage", "0007_edit_logic_permission")
VERSION_1_RESULT = {
    "token": "version-1-result",
    "answers": {"chest_pain_or_breathless": "no", "one_leg_swollen": "yes"},
    "level": "urgent",
    "fired_rules": [{"code": "U1", "level": "urgent", "reason": "Can be a blood clot."}],
    "factors": [],
    "rules_version": "v1fingerprint",
}
VERSION_2_RESULT = {
    "token": "version-2-result",
    "answers": {"severity": "wakes_me", "injury": "yes", "medicines": ["blood_thinner"]},
    "level": "soon",
    "fired_rules": [{"code": "S17", "level": "soon", "reason": "A blood thinner can bleed."}],
    "factors": ["strain", "bleeding_risk"],
    "advice": ["injury_first_aid", "build_up_slowly"],
    "rules_version": "v2fingerprint",
}


def migrate_to(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def version_2_state(apps):
    Rule = apps.get_model("triage", "Rule")
    Question = apps.get_model("triage", "Question")
    return (
        Rule.objects.count(),
        Rule.objects.filter(code="S17").exists(),
        sorted(Question.objects.get(key="injury").choices.values_list("value", flat=True)),
        Question.objects.filter(key="severity").exists(),
        apps.get_model("triage", "SafetyCase").objects.count(),
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_version_2_database_moves_to_version_3_and_keeps_every_result(client):
    old_apps = migrate_to(VERSION_2)
    assert version_2_state(old_apps) == (56, True, ["no", "yes"], True, 92)
    OldResult = old_apps.get_model("triage", "Result")
    OldResult.objects.create(**VERSION_1_RESULT)
    OldResult.objects.create(**VERSION_2_RESULT)

    call_command("migrate", verbosity=0)

    assert Rule.objects.count() == 69 and not Rule.objects.filter(code="S17").exists()
    assert Rule.objects.get(code="U12").action.startswith("Call your OB-GYN")
    assert not Question.objects.filter(key="severity").exists()
    for token, reason in [("version-1-result", "Can be a blood clot."),
                          ("version-2-result", "A blood thinner can bleed.")]:  # fmt: skip
        result = Result.objects.get(token=token)
        soup = parse(client.get(result.get_absolute_url()))
        assert soup.select_one("[data-urgency]")["data-urgency"] == result.level
        assert soup.select_one(".older-rules"), token
        assert reason in soup.get_text()
    call_command("check_safety_cases", verbosity=0)  # exits non-zero on any failure


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_going_back_restores_version_2_and_keeps_version_3_results():
    call_command("migrate", verbosity=0)
    Result.objects.create(
        token="version-3-result",
        answers={"pain_stays": "yes"},
        level="soon",
        fired_rules=[],
        factors=["lasting_pain"],
        rules_version="v3fingerprint",
    )

    old_apps = migrate_to(VERSION_2)

    assert version_2_state(old_apps) == (56, True, ["no", "yes"], True, 92)
    s9 = old_apps.get_model("triage", "Rule").objects.get(code="S9")
    assert [c.question.key for c in s9.conditions.all()] == ["severity"]
    assert old_apps.get_model("triage", "Result").objects.filter(token="version-3-result").exists()
    call_command("migrate", verbosity=0)
    assert Rule.objects.count() == 69
    call_command("check_safety_cases", verbosity=0)
