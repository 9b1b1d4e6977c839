"""The rule table of TRIAGE_SPEC.md, rule by rule, on the rules the migration ships."""

import pytest

from tests.triage.answers import NOTHING_OF_NOTE, with_changes
from triage import engine
from triage.models import load_rulebook

# (rule, answers that make it fire on top of NOTHING_OF_NOTE, level, factor)
RULE_TABLE = [
    ("E1", {"chest_pain_or_breathless": "yes"}, "emergency", None),
    ("E2", {"leg_cold_pale": "yes"}, "emergency", None),
    ("E3", {"saddle_numbness": "yes"}, "emergency", None),
    ("U1", {"one_leg_swollen": "yes"}, "urgent", None),
    ("U2", {"dark_urine": "yes"}, "urgent", None),
    ("U3", {"leg_weakness": "yes"}, "urgent", "nerve"),
    ("U4", {"injury": "yes", "severity": "severe"}, "urgent", "strain"),
    ("S1", {"walking_pain_eases_with_rest": "yes"}, "soon", "circulation"),
    ("S2", {"back_pain_spreading": "yes"}, "soon", "nerve"),
    ("S3", {"numbness": "yes"}, "soon", "nerve"),
    ("S4", {"swelling": "yes"}, "soon", None),
    ("S5", {"medicines": ["statin"]}, "soon", "medication"),
    ("S6", {"medicines": ["diuretic"]}, "soon", "medication"),
    ("S7", {"conditions": ["diabetes"]}, "soon", "condition"),
    ("S7", {"conditions": ["thyroid"]}, "soon", "condition"),
    ("S7", {"conditions": ["kidney", "diabetes"]}, "soon", "condition"),
    ("S8", {"duration": "weeks", "frequency": "weekly", "triggers": ["no_warmup"]}, "soon", None),
    (
        "S8",
        {"duration": "months", "frequency": "most_days", "triggers": ["sweating"]},
        "soon",
        None,
    ),
    ("S9", {"severity": "severe"}, "soon", None),
    ("S10", {"frequency": "weekly"}, "soon", None),
    ("S10", {"frequency": "most_days"}, "soon", None),
    ("C1", {"triggers": ["sweating"]}, "self_care", "fluids_electrolytes"),
    ("C1", {"triggers": ["low_fluids"]}, "self_care", "fluids_electrolytes"),
    ("C2", {"triggers": ["new_exercise"]}, "self_care", "overuse"),
    ("C3", {"triggers": ["no_warmup"]}, "self_care", "warm_up"),
    ("C4", {"injury": "yes"}, "self_care", "strain"),
]

# Answers that come close to a rule but must not make it fire.
NEAR_MISSES = [
    ("U4", {"injury": "yes", "severity": "moderate"}),
    ("S8", {"duration": "days", "frequency": "most_days", "triggers": ["sweating"]}),
    ("S8", {"duration": "months", "frequency": "sometimes"}),
    ("S10", {"triggers": ["new_exercise"], "frequency": "most_days", "duration": "today"}),
    ("S10", {"triggers": ["none"], "frequency": "sometimes"}),
    ("S5", {"medicines": ["diuretic"]}),
    ("S7", {"conditions": ["none"]}),
]


@pytest.fixture
def rulebook(db):
    return load_rulebook()


def fired_codes(outcome):
    return [rule.code for rule in outcome.fired]


def test_every_rule_of_the_spec_is_in_the_table(rulebook):
    assert {code for code, *_ in RULE_TABLE} == {rule.code for rule in rulebook.rules}


def test_nothing_fires_on_a_quiet_answer_set(rulebook):
    outcome = engine.evaluate(rulebook, NOTHING_OF_NOTE)

    assert outcome == engine.Outcome(level="self_care", fired=(), factors=())


@pytest.mark.parametrize(("code", "changes", "level", "factor"), RULE_TABLE)
def test_each_rule_fires_with_its_level_and_factor(rulebook, code, changes, level, factor):
    outcome = engine.evaluate(rulebook, with_changes(**changes))

    # The rule under test is the highest that fires; lower ones may fire beside it.
    assert fired_codes(outcome)[0] == code
    assert outcome.level == level
    assert factor is None or factor in outcome.factors


@pytest.mark.parametrize(("code", "changes"), NEAR_MISSES)
def test_rule_does_not_fire_on_a_near_miss(rulebook, code, changes):
    assert code not in fired_codes(engine.evaluate(rulebook, with_changes(**changes)))


def test_highest_level_wins_and_factors_come_from_every_fired_rule(rulebook):
    answers = with_changes(
        leg_weakness="yes",  # U3 urgent, nerve
        numbness="yes",  # S3 soon, nerve
        medicines=["statin"],  # S5 soon, medication
        triggers=["sweating", "no_warmup"],  # C1, C3 self care
    )

    outcome = engine.evaluate(rulebook, answers)

    assert outcome.level == "urgent"
    assert fired_codes(outcome) == ["U3", "S3", "S5", "C1", "C3"]
    assert outcome.factors == ("nerve", "medication", "fluids_electrolytes", "warm_up")


def test_emergency_outranks_everything_else(rulebook):
    answers = with_changes(saddle_numbness="yes", one_leg_swollen="yes", severity="severe")

    outcome = engine.evaluate(rulebook, answers)

    assert outcome.level == "emergency"
    assert fired_codes(outcome)[0] == "E3"


def test_answers_not_given_satisfy_no_condition(rulebook):
    outcome = engine.evaluate(rulebook, {"chest_pain_or_breathless": "no"})

    assert outcome.level == "self_care" and outcome.fired == ()


def replace_rule(rulebook, code, **changes):
    rules = tuple(
        engine.Rule(**{**vars(rule), **changes}) if rule.code == code else rule
        for rule in rulebook.rules
    )
    return engine.Rulebook(rulebook.levels, rules, rulebook.questions)


def test_version_changes_with_the_logic_not_the_wording(rulebook):
    assert len(rulebook.version) == 12
    assert replace_rule(rulebook, "S9", reason="other words").version == rulebook.version
    assert replace_rule(rulebook, "S9", level="urgent").version != rulebook.version
    assert replace_rule(rulebook, "S9", factor="nerve").version != rulebook.version


def test_a_rule_without_conditions_never_fires():
    rule = engine.Rule(code="X", level="urgent", reason="", conditions=())

    assert not rule.fires({"anything": "yes"})


@pytest.mark.parametrize(
    ("answers", "problem"),
    [
        ({"no_such_question": "yes"}, "unknown question 'no_such_question'"),
        ({"severity": "agony"}, "unknown value 'agony' for 'severity'"),
        ({"severity": ["mild"]}, "unknown value ['mild'] for 'severity'"),
        ({"triggers": "none"}, "'triggers' needs a list of one or more values"),
        ({"triggers": []}, "'triggers' needs a list of one or more values"),
        ({"triggers": ["none", "sweating"]}, "'triggers' has 'none' together with other values"),
        ({"medicines": ["aspirin"]}, "unknown value 'aspirin' for 'medicines'"),
    ],
)
def test_invalid_answers_are_named(rulebook, answers, problem):
    assert rulebook.problems_with(answers) == [problem]


def test_valid_answers_have_no_problems(rulebook):
    assert rulebook.problems_with(NOTHING_OF_NOTE) == []
