import json

import pytest
from django.core.management import CommandError, call_command

from tests.support.answers import DATA, NOTHING_OF_NOTE, PAGE_1_ALL_NO, shipped_cases, with_changes
from triage.models import Rule, SafetyCase


def outcome(capsys, *args):
    try:
        call_command("check_safety_cases", *args)
        code = 0
    except CommandError as error:
        code = error.returncode
    return code, capsys.readouterr().out.splitlines()


def run(tmp_path, cases, capsys):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases) if not isinstance(cases, str) else cases)
    return outcome(capsys, str(path))


def case(name, answers, level, factors=None, forbidden=None):
    found = {"name": name, "answers": answers, "expected_urgency": level}
    if factors is not None:
        found["expected_factors"] = factors
    if forbidden is not None:
        found["forbidden_advice"] = forbidden
    return found


def test_the_spec_examples_all_pass(db, capsys):
    code, lines = outcome(capsys, str(DATA / "spec_examples.json"))

    assert code == 0
    assert lines[-1] == "28 passed, 0 failed"
    assert lines[0] == "New runner, hot day: expected self_care, got self_care: PASS"


def test_without_a_file_every_stored_case_is_checked(db, capsys):
    code, lines = outcome(capsys)

    assert code == 0
    assert lines[-1] == f"{len(shipped_cases())} passed, 0 failed"
    assert len(lines) == len(shipped_cases()) + 1


def test_a_stored_case_the_rules_now_break_fails(db, capsys):
    Rule.objects.filter(code="E3").update(level=Rule.objects.get(code="S1").level)

    code, lines = outcome(capsys)

    assert code == 1
    failed = [line for line in lines if line.endswith(")") and ": FAIL (" in line]
    assert any(
        line.startswith("Numb between the inner thighs: expected emergency") for line in failed
    )
    assert lines[-1].endswith(f"{len(failed)} failed")


def test_an_edited_stored_case_is_what_gets_checked(db, capsys):
    SafetyCase.objects.filter(name="Nothing of note: self-care").update(forbidden_advice=["heat"])

    code, lines = outcome(capsys)

    assert code == 1
    expected = "Nothing of note: self-care: expected self_care, got self_care: FAIL"
    assert f"{expected} (shows forbidden advice: heat)" in lines


def test_a_wrong_expectation_fails_and_exits_non_zero(db, tmp_path, capsys):
    cases = [
        case("Quiet", NOTHING_OF_NOTE, "self_care"),
        case("Wrongly calm", with_changes(leg_swelling="one_leg"), "self_care"),
    ]

    code, lines = run(tmp_path, cases, capsys)

    assert code == 1
    assert lines == [
        "Quiet: expected self_care, got self_care: PASS",
        "Wrongly calm: expected self_care, got urgent: FAIL (expected self_care, got urgent)",
        "1 passed, 1 failed",
    ]


def test_the_factors_shown_must_match_exactly(db, tmp_path, capsys):
    cases = [case("Numb", with_changes(numbness="yes"), "soon", ["nerve"])]

    code, lines = run(tmp_path, cases, capsys)

    assert code == 1
    assert lines[0] == (
        "Numb: expected soon, got soon: FAIL (factors shown: nerve, heat_caution; expected: nerve)"
    )


def test_forbidden_advice_that_is_shown_fails(db, tmp_path, capsys):
    cases = [case("Hot day", with_changes(triggers=["sweating"]), "self_care", None, ["heat"])]

    code, lines = run(tmp_path, cases, capsys)

    assert code == 1
    assert lines[0].endswith("FAIL (shows forbidden advice: heat)")


def test_a_case_may_leave_out_the_pages_after_an_emergency(db, tmp_path, capsys):
    cases = [case("Stroke", {**PAGE_1_ALL_NO, "stroke_signs": "yes"}, "emergency", [])]

    code, lines = run(tmp_path, cases, capsys)

    assert code == 0 and lines[-1] == "1 passed, 0 failed"


def test_a_case_that_leaves_out_a_page_the_questions_ask_fails(db, tmp_path, capsys):
    answers = {k: v for k, v in NOTHING_OF_NOTE.items() if k != "fever"}

    code, lines = run(tmp_path, [case("No fever answer", answers, "self_care")], capsys)

    assert code == 1
    assert "the questions go on to page 4, which this case does not answer (fever)" in lines[0]


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({**NOTHING_OF_NOTE, "no_such_key": "yes"}, "unknown question 'no_such_key'"),
        ({**NOTHING_OF_NOTE, "pain_stays": "agony"}, "unknown value 'agony' for 'pain_stays'"),
        ({**NOTHING_OF_NOTE, "injury": "yes"}, "unknown value 'yes' for 'injury'"),
        ({**NOTHING_OF_NOTE, "severity": "severe"}, "unknown question 'severity'"),
        (
            {**NOTHING_OF_NOTE, "triggers": ["none", "sweating"]},
            "'triggers' has 'none' together with other values",
        ),
        ({**NOTHING_OF_NOTE, "triggers": []}, "'triggers' needs a list of one or more values"),
        (
            {**NOTHING_OF_NOTE, "duration": "today", "frequency": "weekly"},
            "If your cramps started today, choose Just once or only today",
        ),
    ],
)
def test_answers_the_questions_would_refuse_fail_saying_which(
    db, tmp_path, capsys, answers, message
):
    code, lines = run(tmp_path, [case("Bad", answers, "self_care")], capsys)

    assert code == 1
    assert lines[0] == f"Bad: expected self_care, got -: FAIL (invalid case: {message})"


@pytest.mark.parametrize(
    ("factors", "forbidden", "message"),
    [
        (["sunburn"], None, "unknown factor 'sunburn'"),
        (None, ["ice_bath"], "unknown advice 'ice_bath'"),
    ],
)
def test_unknown_factor_or_advice_keys_fail(db, tmp_path, capsys, factors, forbidden, message):
    cases = [case("Odd keys", NOTHING_OF_NOTE, "self_care", factors, forbidden)]

    code, lines = run(tmp_path, cases, capsys)

    assert code == 1 and message in lines[0]


def test_an_unknown_expected_level_fails(db, tmp_path, capsys):
    code, lines = run(tmp_path, [case("Odd level", NOTHING_OF_NOTE, "whenever")], capsys)

    assert code == 1 and "unknown expected level 'whenever'" in lines[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not valid JSON"),
        ('{"name": "x"}', "must hold a list of cases"),
        ('[{"name": "x"}]', "case 1 has no answers, expected_urgency"),
        ('["x"]', "case 1 is not an object"),
        (
            '[{"name": "x", "answers": {}, "expected_urgency": "soon", "colour": 1}]',
            "case 1 has unknown fields: colour",
        ),
        (
            '[{"name": "x", "answers": {}, "expected_urgency": "u", "forbidden_advice": "heat"}]',
            "case 1: forbidden_advice must be a list",
        ),
        (
            '[{"name": "x", "answers": {}, "expected_urgency": "u", "forbidden_card_text": "a"}]',
            "case 1: forbidden_card_text must be a list",
        ),
        (
            '[{"name": "x", "answers": {}, "expected_urgency": "u", "required_card_text": 1}]',
            "case 1: required_card_text must be a list",
        ),
    ],
)
def test_a_malformed_file_is_refused_clearly(db, tmp_path, content, message):
    path = tmp_path / "cases.json"
    path.write_text(content)

    with pytest.raises(CommandError, match=message):
        call_command("check_safety_cases", str(path))


def test_a_missing_file_is_refused_clearly(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("check_safety_cases", str(tmp_path / "absent.json"))


def test_a_case_fails_when_the_care_card_says_or_leaves_out_words(db, tmp_path, capsys):
    pre_eclampsia = case("Pre-eclampsia", with_changes(pregnant="yes_warning_signs"), "urgent")
    swollen_leg = case("Swollen leg", with_changes(leg_swelling="one_leg"), "urgent")
    cases = [
        {**pre_eclampsia, "forbidden_card_text": ["urgent care"]},
        {**swollen_leg, "forbidden_card_text": ["URGENT CARE"]},
        {**swollen_leg, "name": "Swollen leg, ER", "required_card_text": ["Emergency room today"]},
    ]

    code, lines = run(tmp_path, cases, capsys)

    assert code == 1
    assert lines[0] == "Pre-eclampsia: expected urgent, got urgent: PASS"
    assert lines[1] == (
        "Swollen leg: expected urgent, got urgent: FAIL (the care card says: URGENT CARE)"
    )
    assert lines[2] == (
        "Swollen leg, ER: expected urgent, got urgent: FAIL (the care card does not say: "
        "Emergency room today)"
    )
