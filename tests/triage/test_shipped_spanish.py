"""The shipped Spanish reaches rows and an untouched release 1 loaded before the Spanish
fields existed, only where their English is still the shipped English
(docs/languages.md, "The checker in Spanish")."""

import copy

import pytest

from triage import data_files
from triage.models import CheckerRelease, Question, Rule
from triage.shipped_spanish import add_shipped_spanish, with_shipped_spanish

pytestmark = pytest.mark.django_db


def english_only(value):
    """A snapshot as releases were before the checker was in Spanish: no "_es" texts, and
    answers as [value, label]."""
    if isinstance(value, dict):
        return {
            k: [choice[:2] for choice in v] if k == "choices" else english_only(v)
            for k, v in value.items()
            if not k.endswith("_es")
        }
    if isinstance(value, list):
        return [english_only(each) for each in value]
    return value


def test_the_shipped_spanish_goes_only_where_the_english_is_the_shipped_english():
    shipped = data_files.shipped_snapshot()
    older = english_only(copy.deepcopy(shipped))
    rules = {rule["code"]: rule for rule in older["rules.json"]}
    rules["S9"]["reason"] = "Night cramps should be checked."

    completed = with_shipped_spanish(older, shipped)

    by_code = {rule["code"]: rule for rule in completed["rules.json"]}
    assert "reason_es" not in by_code["S9"]
    assert by_code["S8"]["reason_es"] == next(
        rule["reason_es"] for rule in shipped["rules.json"] if rule["code"] == "S8"
    )
    completed["rules.json"] = shipped["rules.json"]
    assert completed == shipped  # everything else, answers and checks included


def test_rows_and_release_1_get_the_shipped_spanish_once_and_keep_their_own():
    Rule.objects.filter(code="S8").update(reason_es="")
    Rule.objects.filter(code="S9").update(reason_es="Palabras propias.")
    Question.objects.filter(key="fever").update(text="Do you have a fever?", text_es="")
    release = CheckerRelease.objects.get(number=1)
    release.snapshot = english_only(release.snapshot)
    release.save()

    add_shipped_spanish()

    assert Rule.objects.get(code="S8").reason_es.startswith("Los calambres que siguen")
    assert Rule.objects.get(code="S9").reason_es == "Palabras propias."
    assert Question.objects.get(key="fever").text_es == ""  # its English is not the shipped
    release.refresh_from_db()
    assert release.snapshot["levels.json"][0]["headline_es"] == "Llame al {EMERGENCY_NUMBER} ahora"
