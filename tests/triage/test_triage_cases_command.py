import json

import pytest
from django.core.management import CommandError, call_command

from tests.triage.answers import NOTHING_OF_NOTE, with_changes
from tests.triage.test_question_page import SPEC_CASES


def run(tmp_path, cases, capsys):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases) if not isinstance(cases, str) else cases)
    try:
        call_command("triage_cases", str(path))
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, capsys.readouterr().out.splitlines()


def case(name, answers, level, factors=None):
    found = {"name": name, "answers": answers, "expected_urgency": level}
    return found if factors is None else {**found, "expected_factors": factors}


def test_the_spec_examples_all_pass(db, capsys):
    call_command("triage_cases", str(SPEC_CASES))

    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "12 passed, 0 failed"
    assert lines[0] == "New runner, hot day: expected self_care, got self_care: PASS"


def test_a_wrong_expectation_fails_and_exits_non_zero(db, tmp_path, capsys):
    cases = [
        case("Quiet", NOTHING_OF_NOTE, "self_care"),
        case("Wrongly calm", with_changes(one_leg_swollen="yes"), "self_care"),
    ]

    code, lines = run(tmp_path, cases, capsys)

    assert code == 1
    assert lines == [
        "Quiet: expected self_care, got self_care: PASS",
        "Wrongly calm: expected self_care, got urgent: FAIL",
        "1 passed, 1 failed",
    ]


def test_a_missing_expected_factor_fails(db, tmp_path, capsys):
    cases = [case("No nerve", with_changes(numbness="yes"), "soon", ["nerve", "circulation"])]

    code, lines = run(tmp_path, cases, capsys)

    assert code == 1
    assert lines[0] == "No nerve: expected soon, got soon: FAIL (missing factors: circulation)"


def test_answers_left_out_count_as_not_given(db, tmp_path, capsys):
    code, lines = run(tmp_path, [case("Only severity", {"severity": "severe"}, "soon")], capsys)

    assert code == 0 and lines[-1] == "1 passed, 0 failed"


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"no_such_key": "yes"}, "unknown question 'no_such_key'"),
        ({"severity": "agony"}, "unknown value 'agony' for 'severity'"),
        ({"triggers": ["none", "sweating"]}, "'triggers' has 'none' together with other values"),
    ],
)
def test_invalid_answers_fail_with_a_message_saying_which(db, tmp_path, capsys, answers, message):
    code, lines = run(tmp_path, [case("Bad", answers, "self_care")], capsys)

    assert code == 1
    assert lines[0] == f"Bad: expected self_care, got -: FAIL (invalid answers: {message})"


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
    ],
)
def test_a_malformed_file_is_refused_clearly(db, tmp_path, content, message):
    path = tmp_path / "cases.json"
    path.write_text(content)

    with pytest.raises(CommandError, match=message):
        call_command("triage_cases", str(path))


def test_a_missing_file_is_refused_clearly(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("triage_cases", str(tmp_path / "absent.json"))
