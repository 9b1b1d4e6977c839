"""The rules of docs/clinical-safety.md (version 3) as the data files ship them: every rule
with its near misses, the factors and advice each level shows, and the walk through the
pages."""

import json

import pytest

from tests.support.answers import (
    DATA,
    EVERY_SELF_CARE_STEP,
    NOTHING_OF_NOTE,
    PAGE_1_ALL_NO,
    PREVENTION_STEPS,
    RELIEF_STEPS,
    with_changes,
)
from triage import engine
from triage.models import load_rulebook

# Section 3, rule by rule: code, level, factor.
SPEC_RULES = """
E1 emergency -  E2 emergency -  E3 emergency -  E4 emergency -  E5 emergency -  E6 emergency -
E7 emergency -  E8 emergency -  E9 emergency -  E10 emergency -  E11 emergency -
E12 emergency -  E13 emergency -
U1 urgent -  U2 urgent -  U3 urgent nerve  U4 urgent strain  U5 urgent -  U6 urgent -
U7 urgent circulation  U8 urgent medication  U9 urgent medication  U10 urgent medication
U11 urgent condition  U12 urgent pregnancy  U13 urgent strain  U14 urgent clot_risk
U15 urgent clot_risk  U16 urgent pregnancy  U17 urgent child  U18 urgent bleeding_risk
U19 urgent -  U20 urgent pregnancy  U21 urgent -  U22 urgent bleeding_risk  U23 urgent child
U24 urgent pregnancy
S1 soon circulation  S2 soon nerve  S3 soon nerve  S4 soon -  S5 soon medication
S6 soon medication  S7 soon condition  S8 soon -  S9 soon -  S10 soon -  S11 soon -  S12 soon -
S13 soon medication  S14 soon child  S15 soon pregnancy  S16 soon pregnancy
S18 soon clot_risk  S19 soon -  S20 soon -  S21 soon lasting_pain
C1 self_care fluids_electrolytes  C2 self_care overuse  C3 self_care warm_up  C4 self_care strain
C5 self_care pregnancy  C6 self_care older_adult  C7 self_care fluid_restriction
C8 self_care heat_caution  C9 self_care heat_caution  C10 self_care heat_caution
C11 self_care bleeding_risk  C12 self_care fluid_restriction
"""


def spec_rule_table(text):
    """(code, level, factor) triples from the words of the table above; "-" is no factor."""
    words = text.split()
    return [
        (code, level, None if factor == "-" else factor)
        for code, level, factor in zip(words[::3], words[1::3], words[2::3], strict=True)
    ]


SPEC_RULE_TABLE = spec_rule_table(SPEC_RULES)


@pytest.fixture
def rulebook(db):
    return load_rulebook()


def fired_codes(outcome):
    return [rule.code for rule in outcome.fired]


def rule_data():
    return json.loads((DATA / "rules.json").read_text())


def test_the_shipped_rules_are_the_spec_table(rulebook):
    assert [(r.code, r.level, r.factor) for r in rulebook.rules] == SPEC_RULE_TABLE
    assert len(SPEC_RULE_TABLE) == 69


def test_no_rule_id_is_reused():
    # S17 became U18 in version 3; its id stays unused so old results keep their meaning.
    assert "S17" not in {code for code, _, _ in SPEC_RULE_TABLE}


def test_nothing_fires_on_a_quiet_answer_set(rulebook):
    outcome = engine.evaluate(rulebook, NOTHING_OF_NOTE)

    assert (outcome.level, outcome.fired, outcome.factors) == ("self_care", (), ())
    assert outcome.advice == EVERY_SELF_CARE_STEP


def firing_answers(rule):
    """A quiet answer set changed just enough to meet every condition of the rule."""
    return with_changes(
        **{
            key: values[:1] if key in MULTIPLE else values[0]
            for key, values in rule["when"].items()
        }
    )


MULTIPLE = {"triggers", "medicines", "conditions"}


def near_miss(rulebook, key, values):
    """An answer to this question that is none of the values the condition wants."""
    other = sorted(rulebook.questions[key].values - set(values))[0]
    return [other] if key in MULTIPLE else other


@pytest.mark.parametrize("rule", rule_data(), ids=lambda rule: rule["code"])
def test_each_rule_fires_when_all_its_conditions_hold(rulebook, rule):
    outcome = engine.evaluate(rulebook, firing_answers(rule))

    assert rule["code"] in fired_codes(outcome)
    assert rulebook.levels[outcome.level] >= rulebook.levels[rule["level"]]


@pytest.mark.parametrize("rule", rule_data(), ids=lambda rule: rule["code"])
def test_each_rule_misses_when_any_one_condition_fails(rulebook, rule):
    for key, values in rule["when"].items():
        answers = {**firing_answers(rule), key: near_miss(rulebook, key, values)}
        assert rule["code"] not in fired_codes(engine.evaluate(rulebook, answers)), key


@pytest.mark.parametrize("rule", rule_data(), ids=lambda rule: rule["code"])
def test_each_rule_misses_when_a_question_is_not_answered(rulebook, rule):
    for key in rule["when"]:
        answers = {k: v for k, v in firing_answers(rule).items() if k != key}
        assert rule["code"] not in fired_codes(engine.evaluate(rulebook, answers)), key


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"dark_urine": "yes", "wakes_at_night": "yes"}, "E8"),
        ({"dark_urine": "no", "pain_stays": "yes"}, "E8"),
        ({"injury": "major", "cannot_bear_weight": "yes", "age_band": "16_to_59"}, "E10"),
        ({"injury": "no", "cannot_bear_weight": "yes", "age_band": "60_or_over"}, "E10"),
        ({"fever": "yes", "cannot_bear_weight": "no"}, "E11"),
        ({"heat_illness": "no", "triggers": ["sweating"]}, "E12"),
        ({"dark_urine": "no", "electrolyte_signs": "yes"}, "E13"),
        ({"dark_urine": "yes", "leg_weakness": "no", "pain_stays": "no"}, "E13"),
        ({"leg_swelling": "both_legs"}, "U1"),
        ({"injury": "minor", "pain_stays": "yes"}, "U4"),
        ({"cramp_length": "over_10_minutes"}, "U6"),
        ({"circulation_pain": "when_walking"}, "U7"),
        ({"medicines": ["statin"], "triggers": ["sweating"], "frequency": "weekly"}, "U8"),
        ({"medicines": ["statin"], "triggers": ["none"], "frequency": "sometimes"}, "U8"),
        ({"medicines": ["diuretic"], "triggers": ["low_fluids"]}, "U10"),
        ({"conditions": ["kidney"], "triggers": ["sweating"]}, "U11"),
        ({"pregnant": "yes"}, "U12"),
        ({"clot_risk": "yes", "cramp_length": "minutes"}, "U14"),
        ({"clot_risk": "yes", "wakes_at_night": "yes"}, "U15"),
        ({"clot_risk": "no", "pain_stays": "yes"}, "U15"),
        ({"pregnant": "no", "pain_stays": "yes"}, "U16"),
        ({"age_band": "16_to_59", "fever": "yes"}, "U17"),
        ({"medicines": ["blood_thinner"], "injury": "no"}, "U18"),
        ({"medicines": ["statin"], "injury": "minor"}, "U18"),
        ({"electrolyte_signs": "no", "triggers": ["vomiting_diarrhea"]}, "U19"),
        ({"pregnant": "no", "fever": "yes"}, "U20"),
        ({"fever": "yes", "wakes_at_night": "yes"}, "U21"),
        ({"medicines": ["diuretic"], "pain_stays": "yes"}, "U22"),
        ({"age_band": "60_or_over", "pain_stays": "yes"}, "U23"),
        ({"pregnant": "yes", "cramp_length": "minutes"}, "U24"),
        ({"wakes_at_night": "no", "frequency": "most_days"}, "S9"),
        ({"groin_lump": "goes_back"}, "S20"),
        ({"pain_stays": "no", "wakes_at_night": "yes"}, "S21"),
        ({"frequency": "weekly", "triggers": ["new_exercise"]}, "S10"),
        ({"duration": "days", "frequency": "most_days"}, "S8"),
        ({"conditions": ["heart"]}, "S7"),
        ({"pregnant": "no", "frequency": "weekly"}, "S15"),
    ],
)
def test_answers_close_to_a_rule_do_not_fire_it(rulebook, changes, code):
    assert code not in fired_codes(engine.evaluate(rulebook, with_changes(**changes)))


def test_waking_at_night_alone_is_soon_and_not_higher(rulebook):
    outcome = engine.evaluate(rulebook, with_changes(wakes_at_night="yes", frequency="most_days"))

    assert outcome.level == "soon"


def test_soreness_for_a_day_is_not_pain_that_stays(rulebook):
    # The question says soreness for up to a day does not count: answered "no", nothing fires.
    outcome = engine.evaluate(rulebook, with_changes(pain_stays="no"))

    assert (outcome.level, outcome.fired) == ("self_care", ())


def test_dark_pee_without_lasting_pain_or_weakness_is_urgent_not_an_emergency(rulebook):
    outcome = engine.evaluate(rulebook, with_changes(dark_urine="yes"))

    assert (outcome.level, fired_codes(outcome)) == ("urgent", ["U2"])


def test_a_minor_pull_is_self_care_with_first_aid(rulebook):
    outcome = engine.evaluate(rulebook, with_changes(injury="minor"))

    assert (outcome.level, outcome.factors) == ("self_care", ("strain",))
    assert "injury_first_aid" in outcome.advice


def test_a_hard_painless_lump_is_soon_and_a_stuck_one_an_emergency(rulebook):
    hard = engine.evaluate(rulebook, with_changes(groin_lump="hard_lump"))
    stuck = engine.evaluate(rulebook, with_changes(groin_lump="painful_stuck"))

    assert (hard.level, fired_codes(hard)) == ("soon", ["S20"])
    assert (stuck.level, fired_codes(stuck)) == ("emergency", ["E7"])


def test_highest_level_wins_then_rule_order(rulebook):
    answers = with_changes(
        leg_weakness="yes",  # U3 urgent, nerve
        numbness="yes",  # S3 soon, nerve; C9 heat_caution
        medicines=["statin"],  # S5 soon, medication
        triggers=["sweating", "no_warmup"],  # C1, C3 self care
    )

    outcome = engine.evaluate(rulebook, answers)

    assert outcome.level == "urgent"
    assert fired_codes(outcome) == ["U3", "S3", "S5", "C1", "C3", "C9"]
    # Factor blocks in the order of the factors table, whatever order the rules fired in.
    assert outcome.factors == (
        "fluids_electrolytes",
        "warm_up",
        "nerve",
        "medication",
        "heat_caution",
    )


def test_factors_of_every_fired_rule_are_shown_in_section_4_order(rulebook):
    answers = with_changes(numbness="yes", medicines=["blood_thinner"], triggers=["new_exercise"])

    outcome = engine.evaluate(rulebook, answers)

    assert outcome.factors == ("overuse", "nerve", "heat_caution", "bleeding_risk")


def test_an_emergency_shows_no_factor_no_advice_and_only_emergency_reasons(rulebook):
    answers = with_changes(
        dark_urine="yes", pain_stays="yes", medicines=["statin"], triggers=["new_exercise"]
    )

    outcome = engine.evaluate(rulebook, answers)

    assert outcome.level == "emergency"
    assert (outcome.factors, outcome.advice) == ((), ())
    assert [rule.code for rule in outcome.reasons] == ["E8"]
    assert "U9" in fired_codes(outcome)  # fired, but not shown: nothing may delay the call


def test_urgent_shows_only_rest_until_checked_with_the_factors(rulebook):
    answers = with_changes(leg_swelling="one_leg", triggers=["new_exercise", "sweating"])

    outcome = engine.evaluate(rulebook, answers)

    assert outcome.level == "urgent"
    assert outcome.advice == ("rest_until_checked",)
    assert outcome.factors == ("fluids_electrolytes", "overuse")
    assert fired_codes(outcome) == ["U1", "C1", "C2"]


@pytest.mark.parametrize(
    ("changes", "factor", "advice"),
    [
        (
            {"injury": "minor"},
            "strain",
            ("injury_first_aid", "drink_regularly", "mineral_foods", "warm_up_cool_down")
            + ("build_up_slowly",),
        ),
        (
            {"conditions": ["diabetes"]},
            "heat_caution",
            ("stretch", "massage", "roller", "cold_after") + PREVENTION_STEPS,
        ),
        (
            {"medicines": ["blood_thinner"]},
            "bleeding_risk",
            ("stretch", "massage", "heat", "cold_after") + PREVENTION_STEPS,
        ),
        (
            {"conditions": ["heart"]},
            "fluid_restriction",
            RELIEF_STEPS
            + ("care_team_fluids", "warm_up_cool_down", "stretch_daily", "build_up_slowly"),
        ),
        (
            {"clot_risk": "yes"},
            "clot_risk",
            ("stretch", "cold_after") + PREVENTION_STEPS,
        ),
        (
            {"pain_stays": "yes"},
            "lasting_pain",
            ("stretch", "cold_after") + PREVENTION_STEPS,
        ),
        (
            {"pregnant": "yes"},
            "pregnancy",
            ("stretch", "massage", "heat", "cold_after") + PREVENTION_STEPS,
        ),
    ],
)
def test_each_factor_adjusts_the_advice_steps(rulebook, changes, factor, advice):
    outcome = engine.evaluate(rulebook, with_changes(**changes))

    assert factor in outcome.factors
    assert outcome.advice == advice


def test_adjustments_add_up(rulebook):
    answers = with_changes(pregnant="yes", medicines=["diuretic"], numbness="yes")
    answers = {**answers, "conditions": ["diabetes"], "clot_risk": "yes"}

    outcome = engine.evaluate(rulebook, answers)

    assert outcome.level == "soon"
    assert outcome.advice == ("stretch", "cold_after", "care_team_fluids") + PREVENTION_STEPS[2:]


def test_a_strain_and_fluid_restriction_add_up(rulebook):
    answers = with_changes(injury="minor", medicines=["diuretic"], numbness="yes")

    outcome = engine.evaluate(rulebook, answers)

    assert outcome.level == "soon"
    assert outcome.advice == (
        "injury_first_aid",
        "care_team_fluids",
        "warm_up_cool_down",
        "build_up_slowly",
    )


def test_fluid_tips_give_way_to_the_care_team_block(rulebook):
    sweating = engine.evaluate(rulebook, with_changes(triggers=["sweating"]))
    kidney = engine.evaluate(rulebook, with_changes(triggers=["sweating"], conditions=["kidney"]))

    assert sweating.factors == ("fluids_electrolytes",)
    assert kidney.factors == ("condition", "fluid_restriction")
    assert {"drink_regularly", "mineral_foods"}.isdisjoint(kidney.advice)


def test_answers_not_given_satisfy_no_condition(rulebook):
    outcome = engine.evaluate(rulebook, {"chest_pain_or_breathless": "no"})

    assert outcome.level == "self_care" and outcome.fired == ()


def test_a_rule_without_conditions_never_fires():
    rule = engine.Rule(code="X", level="urgent", reason="", conditions=())

    assert not rule.fires({"anything": "yes"})


@pytest.mark.parametrize("key", list(PAGE_1_ALL_NO))
def test_any_yes_on_page_1_ends_the_walk_after_page_1(rulebook, key):
    walk = rulebook.walk({**PAGE_1_ALL_NO, key: "yes"})

    assert walk == engine.Walk({**PAGE_1_ALL_NO, key: "yes"}, next_page=None, stopped_early=True)


def test_a_later_emergency_ends_the_walk_on_its_page(rulebook):
    walk = rulebook.walk(with_changes(groin_lump="painful_stuck"))

    assert walk.stopped_early and walk.next_page is None
    assert "groin_lump" in walk.answers and "triggers" not in walk.answers


def test_the_walk_waits_for_a_page_with_a_missing_answer(rulebook):
    answers = {k: v for k, v in NOTHING_OF_NOTE.items() if k != "pain_stays"}

    walk = rulebook.walk(answers)

    assert walk.next_page == 2 and "duration" not in walk.answers


def test_a_full_quiet_walk_reaches_the_end(rulebook):
    assert rulebook.walk(NOTHING_OF_NOTE) == engine.Walk(NOTHING_OF_NOTE, None, False)


@pytest.mark.parametrize(
    ("answers", "problem"),
    [
        ({"no_such_question": "yes"}, "unknown question 'no_such_question'"),
        ({"pain_stays": "agony"}, "unknown value 'agony' for 'pain_stays'"),
        ({"injury": ["minor"]}, "unknown value ['minor'] for 'injury'"),
        ({"injury": "yes"}, "unknown value 'yes' for 'injury'"),
        ({"severity": "severe"}, "unknown question 'severity'"),
        ({"triggers": "none"}, "'triggers' needs a list of one or more values"),
        ({"triggers": []}, "'triggers' needs a list of one or more values"),
        ({"triggers": ["none", "sweating"]}, "'triggers' has 'none' together with other values"),
        ({"medicines": ["aspirin"]}, "unknown value 'aspirin' for 'medicines'"),
        (
            {"duration": "today", "frequency": "weekly"},
            "If your cramps started today, choose Just once or only today",
        ),
    ],
)
def test_invalid_answers_are_named(rulebook, answers, problem):
    assert rulebook.problems_with(answers) == [problem]


@pytest.mark.parametrize("frequency", ["sometimes", "weekly", "most_days"])
def test_frequency_other_than_once_is_fine_after_the_first_day(rulebook, frequency):
    assert rulebook.problems_with(with_changes(duration="days", frequency=frequency)) == []


def test_valid_answers_have_no_problems(rulebook):
    assert rulebook.problems_with(NOTHING_OF_NOTE) == []


def case(answers, level, factors=None, forbidden=()):
    return engine.SafetyCase("A case", answers, level, factors, forbidden)


def test_a_case_checks_the_factors_shown_exactly(rulebook):
    answers = with_changes(triggers=["new_exercise", "sweating"])

    assert engine.check_case(rulebook, case(answers, "self_care", ("overuse",))).describe() == (
        "factors shown: fluids_electrolytes, overuse; expected: overuse"
    )
    assert engine.check_case(
        rulebook, case(answers, "self_care", ("overuse", "fluids_electrolytes"))
    ).passed
    assert engine.check_case(rulebook, case(answers, "self_care")).passed


def test_a_case_fails_when_forbidden_advice_is_shown(rulebook):
    result = engine.check_case(rulebook, case(NOTHING_OF_NOTE, "self_care", (), ("heat",)))

    assert not result.passed and result.describe() == "shows forbidden advice: heat"


def test_a_case_that_stops_short_of_a_page_says_which(rulebook):
    result = engine.check_case(rulebook, case({**PAGE_1_ALL_NO}, "self_care"))

    assert not result.passed
    assert result.describe().startswith("the questions go on to page 2, which this case does not")


@pytest.mark.parametrize(
    ("factors", "forbidden", "problem"),
    [
        (("sunburn",), (), "unknown factor 'sunburn'"),
        ((), ("ice_bath",), "unknown advice 'ice_bath'"),
    ],
)
def test_a_case_with_unknown_keys_is_invalid(rulebook, factors, forbidden, problem):
    result = engine.check_case(rulebook, case(NOTHING_OF_NOTE, "self_care", factors, forbidden))

    assert result.problems == (problem,) and result.got_level is None


def replace(items, key, **changes):
    return tuple(
        type(item)(**{**vars(item), **changes})
        if getattr(item, "key", getattr(item, "code", None)) == key
        else item
        for item in items
    )


def with_parts(rulebook, **parts):
    return engine.Rulebook(**{**vars(rulebook), **parts})


def test_version_changes_with_the_logic_not_the_wording(rulebook):
    assert len(rulebook.version) == 12
    reworded = replace(rulebook.rules, "S9", reason="other words")
    assert with_parts(rulebook, rules=reworded).version == rulebook.version
    for rules in (
        replace(rulebook.rules, "S9", level="urgent"),
        replace(rulebook.rules, "S9", factor="nerve"),
    ):
        assert with_parts(rulebook, rules=rules).version != rulebook.version
    steps = replace(rulebook.advice_steps, "heat", not_with=frozenset())
    assert with_parts(rulebook, advice_steps=steps).version != rulebook.version
    factors = replace(rulebook.factors, "fluids_electrolytes", hidden_by=frozenset())
    assert with_parts(rulebook, factors=factors).version != rulebook.version


@pytest.mark.parametrize(
    ("changes", "place"),
    [
        ({"pregnant": "yes_warning_signs"}, "labor and delivery"),
        ({"pregnant": "yes_warning_signs", "dark_urine": "yes"}, "labor and delivery"),
        ({"dark_urine": "yes"}, "Go to an emergency room today"),
        ({"electrolyte_signs": "yes"}, "Go to an emergency room today"),
        ({"electrolyte_signs": "yes", "leg_swelling": "one_leg"}, "Go to an emergency room today"),
    ],
)
def test_the_first_rule_of_the_actions_list_names_where_to_go(rulebook, changes, place):
    outcome = engine.evaluate(rulebook, with_changes(**changes))

    assert outcome.level == "urgent"
    assert place in outcome.action.splitlines()[0]
    assert "urgent care" not in outcome.action.lower()


@pytest.mark.parametrize(
    "changes",
    [
        {"leg_swelling": "one_leg"},  # urgent, but no rule names another place
        {"dark_urine": "yes", "leg_weakness": "yes"},  # an emergency: call, go nowhere else
        {"electrolyte_signs": "yes", "dark_urine": "yes"},
        {"pregnant": "yes"},  # self-care
    ],
)
def test_without_an_urgent_rule_with_an_action_the_level_keeps_its_own_words(rulebook, changes):
    outcome = engine.evaluate(rulebook, with_changes(**changes))

    assert outcome.action == ""
    assert engine.card_text(rulebook, outcome) == rulebook.cards[outcome.level]


def test_a_case_fails_when_the_care_card_says_forbidden_words(rulebook):
    answers = with_changes(pregnant="yes_warning_signs")
    plain = replace(rulebook.rules, "U12", action="")
    case = engine.SafetyCase("U12", answers, "urgent", forbidden_card_text=("Urgent Care",))

    assert engine.check_case(rulebook, case).passed
    result = engine.check_case(with_parts(rulebook, rules=plain), case)
    assert result.describe() == "the care card says: Urgent Care"


def test_a_case_fails_when_the_care_card_does_not_say_the_words_it_must(rulebook):
    answers = with_changes(pregnant="yes_warning_signs", dark_urine="yes")
    demoted = replace(rulebook.rules, "U12", action_priority=0)
    words = ("Labor and Delivery",)
    case = engine.SafetyCase("U12 and U2", answers, "urgent", required_card_text=words)

    assert engine.check_case(rulebook, case).passed
    result = engine.check_case(with_parts(rulebook, rules=demoted), case)
    assert result.describe() == "the care card does not say: Labor and Delivery"


def test_the_version_changes_when_an_action_is_added_or_removed(rulebook):
    removed = replace(rulebook.rules, "U12", action="")
    reworded = replace(rulebook.rules, "U12", action="Other words.")

    assert with_parts(rulebook, rules=removed).version != rulebook.version
    assert with_parts(rulebook, rules=reworded).version == rulebook.version
