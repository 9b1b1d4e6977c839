"""The admin's safety gate: a change that breaks a safety case is refused and nothing of it is
saved; a harmless change saves as usual. Everything goes through the real admin views."""

import json

import pytest
from django.contrib.admin.models import LogEntry
from reversion.models import Version

from tests.support.admin_forms import admin_url, form_data, refusal
from tests.support.answers import with_changes
from tests.support.pages import parse
from triage.models import (
    AdviceStep,
    Choice,
    Condition,
    Factor,
    Level,
    Page,
    Question,
    Rule,
    SafetyCase,
)

NOT_SAVED = "This change was not saved"


def add_url(model):
    return f"/admin/triage/{model._meta.model_name}/add/"


def change_form(admin_client, obj):
    return form_data(admin_client.get(admin_url(obj)))


def add_form(admin_client, model):
    return form_data(admin_client.get(add_url(model)))


def row_index(data, prefix, field, value):
    """The index of the inline row whose field has this value."""
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    return next(i for i in range(total) if data[f"{prefix}-{i}-{field}"] == value)


def with_condition(data, question, operator, values):
    """A new row in the rule form's Condition inline."""
    index = int(data["conditions-TOTAL_FORMS"])
    return {
        **data,
        "conditions-TOTAL_FORMS": str(index + 1),
        f"conditions-{index}-question": str(Question.objects.get(key=question).pk),
        f"conditions-{index}-operator": operator,
        f"conditions-{index}-values": values,
    }


def new_rule(admin_client, code, level, reason="A reason."):
    return {
        **add_form(admin_client, Rule),
        "code": code,
        "level": str(Level.objects.get(key=level).pk),
        "reason": reason,
        "reason_es": "Una razón.",
    }


def database_state():
    """Every row a change in the triage admin could touch, as plain values."""
    models = [Question, Choice, Level, Factor, AdviceStep, Rule, Condition, SafetyCase, LogEntry]
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in models}


@pytest.fixture
def state_before(db):
    return database_state()


@pytest.fixture
def e1(db):
    return Rule.objects.get(code="E1")


def test_moving_chest_pain_to_soon_is_refused_naming_the_case(admin_client, state_before, e1):
    data = change_form(admin_client, e1)
    data.update(level=str(Level.objects.get(key="soon").pk), reason="Reworded at the same time.")

    response = admin_client.post(admin_url(e1), data)

    assert response.status_code == 200
    assert NOT_SAVED in refusal(response)
    assert (
        "“Chest pain”: the questions would no longer stop early, but go on to “About you”; "
        "the checker would say “See a doctor soon” instead of “Call 911 now”."
    ) in refusal(response)
    assert "What to do next: undo the part of the change" in refusal(response)
    assert database_state() == state_before


def test_lowering_the_spinal_nerve_signs_e3_to_soon_is_refused(admin_client, state_before):
    e3 = Rule.objects.get(code="E3")
    data = {**change_form(admin_client, e3), "level": str(Level.objects.get(key="soon").pk)}

    response = admin_client.post(admin_url(e3), data)

    assert response.status_code == 200
    assert NOT_SAVED in refusal(response)
    assert "“Numb between the inner thighs”" in refusal(response)
    assert "“E3: saddle numbness ends the questions after page 1”" in refusal(response)
    assert database_state() == state_before


@pytest.mark.parametrize("step", ["mineral_foods", "drink_regularly"])
def test_showing_general_fluid_tips_to_kidney_disease_is_refused(admin_client, state_before, step):
    advice_step = AdviceStep.objects.get(key=step)
    data = {**change_form(admin_client, advice_step), "not_with": "[]"}

    response = admin_client.post(admin_url(advice_step), data)

    assert response.status_code == 200
    assert NOT_SAVED in refusal(response)
    text = AdviceStep.objects.get(key=step).text.split(". ")[0]
    assert (
        f"“Kidney disease: no potassium tips”: it would show advice it must never get: “{text}"
        in refusal(response)
    )
    assert database_state() == state_before


def test_showing_heat_on_a_numb_leg_is_refused(admin_client, state_before):
    heat = AdviceStep.objects.get(key="heat")
    data = {**change_form(admin_client, heat), "not_with": '["strain"]'}

    response = admin_client.post(admin_url(heat), data)

    assert response.status_code == 200
    assert (
        "“C9: numbness on a hot day: no heat”: it would show advice it must never get: "
        "“Warm the muscle with a warm (not hot) bath, a warm cloth or a heating pad.”"
    ) in refusal(response)
    assert "more safety cases." in refusal(response)
    assert database_state() == state_before


def test_showing_fluid_tips_beside_the_care_team_block_is_refused(admin_client, state_before):
    fluids = Factor.objects.get(key="fluids_electrolytes")
    data = {**change_form(admin_client, fluids), "hidden_by": "[]"}

    response = admin_client.post(admin_url(fluids), data)

    assert response.status_code == 200
    assert (
        "“U10: water pill and throwing up”: it would also show the blocks “Fluids and salts”"
        in refusal(response)
    )
    assert database_state() == state_before


def test_showing_massage_to_clot_risk_with_lasting_pain_is_refused(admin_client, state_before):
    massage = AdviceStep.objects.get(key="massage")
    data = {
        **change_form(admin_client, massage),
        "levels": '["urgent", "soon", "self_care"]',
        "not_with": '["strain"]',
    }

    response = admin_client.post(admin_url(massage), data)

    assert response.status_code == 200
    assert NOT_SAVED in refusal(response)
    assert (
        "“After an operation, pain that stays: no rubbing or heat”: it would show advice it "
        "must never get: “Rub the muscle gently with your hands.”" in refusal(response)
    )
    assert database_state() == state_before


@pytest.mark.parametrize("factor", ["clot_risk", "lasting_pain"])
def test_letting_massage_past_a_clot_risk_or_lasting_pain_is_refused(
    admin_client, state_before, factor
):
    massage = AdviceStep.objects.get(key="massage")
    kept = [key for key in massage.not_with if key != factor]
    data = {**change_form(admin_client, massage), "not_with": json.dumps(kept)}

    response = admin_client.post(admin_url(massage), data)

    assert response.status_code == 200
    assert (
        "it would show advice it must never get: “Rub the muscle gently with your hands.”"
        in refusal(response)
    )
    assert database_state() == state_before


def test_lowering_u15_to_soon_is_refused(admin_client, state_before):
    u15 = Rule.objects.get(code="U15")
    data = {**change_form(admin_client, u15), "level": str(Level.objects.get(key="soon").pk)}

    response = admin_client.post(admin_url(u15), data)

    assert response.status_code == 200
    assert NOT_SAVED in refusal(response)
    for case in [
        "After an operation, pain that stays: no rubbing or heat",
        "U15: clot risk with pain that stays",
    ]:
        assert (
            f"“{case}”: the checker would say “See a doctor soon” instead of “Get medical help "
            "today”" in refusal(response)
        )
    assert database_state() == state_before


@pytest.mark.parametrize(
    "action",
    [
        "Call your OB-GYN or midwife now, or go to urgent care.",
        "",  # without its action the card says the urgent level's "or go to urgent care"
    ],
)
def test_a_pre_eclampsia_card_that_says_urgent_care_is_refused(admin_client, state_before, action):
    u12 = Rule.objects.get(code="U12")
    data = {**change_form(admin_client, u12), "action": action}

    response = admin_client.post(admin_url(u12), data)

    assert response.status_code == 200
    assert NOT_SAVED in refusal(response)
    assert (
        "“U12: pre-eclampsia signs go to labor and delivery, not urgent care”: its care card "
        "would say “urgent care”, which it must not" in refusal(response)
    )
    assert database_state() == state_before


def test_letting_a_blood_test_card_win_over_pre_eclampsia_is_refused(admin_client, state_before):
    u12 = Rule.objects.get(code="U12")
    data = {**change_form(admin_client, u12), "action_priority": "0"}

    response = admin_client.post(admin_url(u12), data)

    assert response.status_code == 200
    assert (
        "“U12 with dark pee: labor and delivery wins”: its care card would no longer say "
        "“labor and delivery or an emergency room”" in refusal(response)
    )
    assert database_state() == state_before


def test_rewording_a_rules_action_is_saved(admin_client, db):
    u2 = Rule.objects.get(code="U2")
    action = (
        "Go to an emergency room today for a blood test with a same-day result.\nTake this page."
    )
    action_es = (
        "Vaya hoy a una sala de emergencias para un análisis de sangre con el resultado el mismo "
        "día.\nLleve esta página."
    )
    data = {**change_form(admin_client, u2), "action": action, "action_es": action_es}

    response = admin_client.post(admin_url(u2), data)

    assert response.status_code == 302, refusal(response)
    assert Rule.objects.get(code="U2").action == action


def test_rewording_an_advice_step_is_saved(admin_client, db):
    massage = AdviceStep.objects.get(key="massage")
    data = {**change_form(admin_client, massage), "text": "Rub the muscle gently."}

    response = admin_client.post(admin_url(massage), data)

    assert response.status_code == 302, refusal(response)
    assert AdviceStep.objects.get(key="massage").text == "Rub the muscle gently."


def test_an_advice_step_naming_an_unknown_factor_is_refused(admin_client, state_before):
    heat = AdviceStep.objects.get(key="heat")
    data = {**change_form(admin_client, heat), "not_with": '["strain", "sunburn"]'}

    response = admin_client.post(admin_url(heat), data)

    assert response.status_code == 200
    assert "Not factors: sunburn." in response.content.decode()
    assert database_state() == state_before


def test_changing_a_condition_through_the_rule_inline_is_refused(admin_client, state_before):
    u1 = Rule.objects.get(code="U1")
    data = {**change_form(admin_client, u1), "conditions-0-values": "no"}

    response = admin_client.post(admin_url(u1), data)

    assert response.status_code == 200
    assert "“One swollen red leg: no massage or heat”" in refusal(response)
    assert database_state() == state_before


def test_deleting_a_rule_that_cases_need_is_refused(admin_client, state_before):
    s5 = Rule.objects.get(code="S5")

    response = admin_client.post(admin_url(s5, "delete"), {"post": "yes"}, follow=True)

    assert response.redirect_chain == [(admin_url(s5), 302)]
    messages = parse(response).select_one(".messagelist .error").get_text()
    assert NOT_SAVED in messages and "“S5: on a statin”" in messages
    assert database_state() == state_before


def test_deleting_a_choice_through_the_question_inline_is_refused(admin_client, state_before):
    medicines = Question.objects.get(key="medicines")
    data = change_form(admin_client, medicines)
    data[f"choices-{row_index(data, 'choices', 'value', 'statin')}-DELETE"] = "on"

    response = admin_client.post(admin_url(medicines), data)

    assert response.status_code == 200
    assert (
        "“S5: on a statin”: its answer “statin” to “Do you take any of these medicines?” "
        "is no longer offered."
    ) in refusal(response)
    assert database_state() == state_before


def test_ranking_soon_above_urgent_is_refused(admin_client, state_before):
    soon = Level.objects.get(key="soon")
    data = {**change_form(admin_client, soon), "rank": "5"}

    response = admin_client.post(admin_url(soon), data)

    assert response.status_code == 200
    assert "would say “See a doctor soon” instead of “Get medical help today”" in refusal(response)
    assert database_state() == state_before


def test_a_rule_making_no_warm_up_an_emergency_is_refused(admin_client, state_before):
    data = with_condition(
        new_rule(admin_client, "X1", "emergency"), "triggers", "includes_any_of", "no_warmup"
    )

    response = admin_client.post(add_url(Rule), data)

    assert response.status_code == 200
    assert (
        "the checker would say “Call 911 now” instead of "
        "“You can probably look after this yourself”"
    ) in refusal(response)
    assert database_state() == state_before


def test_a_rule_that_changes_no_case_is_added(admin_client, db):
    data = with_condition(
        new_rule(admin_client, "C13", "self_care"), "triggers", "includes_any_of", "low_fluids"
    )

    response = admin_client.post(add_url(Rule), data)

    assert response.status_code == 302, refusal(response)
    condition = Rule.objects.get(code="C13").conditions.get()
    assert (condition.question.key, condition.values) == ("triggers", ["low_fluids"])


def test_rewording_a_question_is_saved(admin_client, db):
    pain_stays = Question.objects.get(key="pain_stays")
    data = {**change_form(admin_client, pain_stays), "text": "Does the pain stay for days?"}

    response = admin_client.post(admin_url(pain_stays), data)

    assert response.status_code == 302, refusal(response)
    assert Question.objects.get(key="pain_stays").text == "Does the pain stay for days?"


def test_rewording_a_rules_reason_is_saved(admin_client, e1):
    data = {**change_form(admin_client, e1), "reason": "Chest pain can mean a clot in the lungs."}

    response = admin_client.post(admin_url(e1), data)

    assert response.status_code == 302, refusal(response)
    assert Rule.objects.get(code="E1").reason == "Chest pain can mean a clot in the lungs."


def test_a_new_rule_without_conditions_is_refused(admin_client, state_before):
    response = admin_client.post(add_url(Rule), new_rule(admin_client, "C13", "self_care"))

    assert response.status_code == 200
    assert "A rule needs at least one condition." in response.content.decode()
    assert database_state() == state_before


def test_deleting_a_rules_only_condition_is_refused(admin_client, state_before, e1):
    data = {**change_form(admin_client, e1), "conditions-0-DELETE": "on"}

    response = admin_client.post(admin_url(e1), data)

    assert response.status_code == 200
    assert "A rule needs at least one condition." in response.content.decode()
    assert database_state() == state_before


def condition_errors(response, field):
    return [e.get_text() for e in parse(response).select(f"td.field-{field} .errorlist li")]


def test_an_operator_that_does_not_fit_the_question_is_refused(admin_client, state_before):
    data = with_condition(
        new_rule(admin_client, "C13", "self_care"), "triggers", "is_one_of", "none"
    )

    response = admin_client.post(add_url(Rule), data)

    assert response.status_code == 200
    assert condition_errors(response, "operator") == ["Use “includes any of” with this question."]
    assert database_state() == state_before


def test_a_value_that_is_not_an_answer_to_the_question_is_refused(admin_client, state_before):
    data = with_condition(
        new_rule(admin_client, "C13", "self_care"), "leg_swelling", "is_one_of", "one_leg, maybe"
    )

    response = admin_client.post(add_url(Rule), data)

    assert response.status_code == 200
    assert condition_errors(response, "values") == ["Not answers to leg_swelling: maybe."]
    assert database_state() == state_before


def new_case(admin_client, name, changes, level, factors=()):
    return {
        **add_form(admin_client, SafetyCase),
        "name": name,
        "answers": json.dumps(with_changes(**changes)),
        "expected_level": str(Level.objects.get(key=level).pk),
        "expected_factors": json.dumps(list(factors)),
    }


def test_a_safety_case_the_rules_do_not_pass_is_refused(admin_client, state_before):
    data = new_case(admin_client, "Statin means urgent", {"medicines": ["statin"]}, "urgent")

    response = admin_client.post(add_url(SafetyCase), data)

    assert response.status_code == 200
    assert "This case does not pass with the current rules: expected urgent, got soon" in refusal(
        response
    )
    assert database_state() == state_before


def test_a_safety_case_whose_care_card_says_forbidden_words_is_refused(admin_client, state_before):
    data = {
        **new_case(admin_client, "Swollen leg", {"leg_swelling": "one_leg"}, "urgent"),
        "forbidden_card_text": '["urgent care"]',
    }

    response = admin_client.post(add_url(SafetyCase), data)

    assert response.status_code == 200
    assert "does not pass with the current rules: the care card says: urgent care" in refusal(
        response
    )
    assert database_state() == state_before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("forbidden_card_text", '["urgent care", 5]'),
        ("required_card_text", "5"),
        ("forbidden_advice", '"massage"'),
        ("expected_factors", '{"a": 1}'),
        ("answers", "[1, 2]"),
        ("answers", '{"medicines": [1]}'),
    ],
)
def test_a_safety_case_with_lists_of_the_wrong_kind_is_refused_plainly(
    admin_client, state_before, field, value
):
    data = {**new_case(admin_client, "Odd", {}, "self_care"), field: value}

    response = admin_client.post(add_url(SafetyCase), data)

    assert response.status_code == 200
    assert parse(response).select_one(f".field-{field} .errorlist")
    assert database_state() == state_before


def test_a_safety_case_the_rules_pass_is_added(admin_client, db):
    data = new_case(admin_client, "Statin alone", {"medicines": ["statin"]}, "soon", ["medication"])

    response = admin_client.post(add_url(SafetyCase), data)

    assert response.status_code == 302, refusal(response)
    case = SafetyCase.objects.get(name="Statin alone")
    assert (case.expected_level.key, case.expected_factors) == ("soon", ["medication"])


def test_a_refused_change_leaves_no_revision_behind(admin_client, e1):
    data = {**change_form(admin_client, e1), "level": str(Level.objects.get(key="soon").pk)}
    versions = Version.objects.get_for_object(e1).count()

    admin_client.post(admin_url(e1), data)

    assert Version.objects.get_for_object(e1).count() == versions


def test_the_refused_form_saves_once_put_right(admin_client, e1):
    harmful = {**change_form(admin_client, e1), "level": str(Level.objects.get(key="soon").pk)}
    refused = admin_client.post(admin_url(e1), harmful)
    put_right = {
        **form_data(refused),
        "level": str(Level.objects.get(key="emergency").pk),
        "reason": "Chest pain can mean a clot in the lungs.",
    }

    response = admin_client.post(admin_url(e1), put_right)

    assert response.status_code == 302, refusal(response)


def test_asking_the_first_page_last_is_refused_naming_a_case(admin_client, state_before):
    """The pages' order decides where an emergency stops the questions early."""
    page = Page.objects.get(number=1)
    data = {**form_data(admin_client.get(admin_url(page))), "number": "99"}

    response = admin_client.post(admin_url(page), data)

    assert response.status_code == 200
    assert NOT_SAVED in refusal(response)
    assert database_state() == state_before
    assert Page.objects.get(pk=page.pk).number == 1


def test_the_refusal_speaks_in_words_never_in_keys(admin_client, state_before, e1):
    data = {**change_form(admin_client, e1), "level": str(Level.objects.get(key="urgent").pk)}

    message = refusal(admin_client.post(admin_url(e1), data))

    for key in ["self_care", "emergency", "chest_pain_or_breathless", "urgent", "soon"]:
        assert key not in message
    assert "“Get medical help today” instead of “Call 911 now”" in message
