"""The emergency number is a setting: every {EMERGENCY_NUMBER} in the checker's texts (reasons,
levels, actions, factors, advice steps, questions, answers and page hints) shows it, and with
the setting at 999 no checker page says 911."""

import pytest

from tests.support.answers import PAGE_1_ALL_NO, PAGES, with_changes
from tests.support.flows import CHECK_ANSWERS, answer_pages, complete_questionnaire, page_url
from tests.support.releases import publish_draft
from triage.models import Choice, Factor, Level, Page, Question, Rule

PLACEHOLDER = "{EMERGENCY_NUMBER}"

# Between them these results show every shipped text that holds the placeholder: the
# emergency level, E8's reason, U19's reason and action, and the advice and urgent texts of
# the fluids, pregnancy, clot risk and nerve blocks.
ANSWER_SETS = [
    {**PAGE_1_ALL_NO, "heat_illness": "yes"},
    with_changes(dark_urine="yes", pain_stays="yes"),
    with_changes(electrolyte_signs="yes", triggers=["sweating"]),
    with_changes(pregnant="yes", pain_stays="yes"),
    with_changes(pregnant="yes", triggers=["sweating"]),
    with_changes(clot_risk="yes", numbness="yes"),
    with_changes(clot_risk="yes", cramp_length="over_10_minutes"),
]


@pytest.fixture
def number_999(settings, db):
    settings.EMERGENCY_NUMBER = "999"
    # Editors may write the placeholder in any text a question page shows.
    Page.objects.filter(number=1).update(hint=f"If in doubt, call {PLACEHOLDER}.")
    Question.objects.filter(key="heat_illness").update(hint=f"Or call {PLACEHOLDER} now.")
    Choice.objects.filter(question__key="groin_lump", value="painful_stuck").update(
        label=f"A stuck lump: call {PLACEHOLDER}"
    )
    publish_draft()


def assert_shows_999_not_911(response):
    page = response.content.decode()
    assert response.status_code == 200
    assert "999" in page
    assert "911" not in page and PLACEHOLDER not in page


@pytest.mark.parametrize("answers", ANSWER_SETS, ids=range(len(ANSWER_SETS)))
def test_no_result_page_says_911(client, number_999, answers):
    assert_shows_999_not_911(complete_questionnaire(client, answers))


def test_the_placeholder_is_in_the_texts_these_results_show(db):
    # Without it the test above would prove nothing.
    factors = {f.key: f for f in Factor.objects.all()}

    assert PLACEHOLDER in Level.objects.get(key="emergency").headline
    assert PLACEHOLDER in Rule.objects.get(code="E8").reason
    assert PLACEHOLDER in Rule.objects.get(code="U19").reason
    assert PLACEHOLDER in Rule.objects.get(code="U19").action
    for key in ["fluids_electrolytes", "pregnancy", "clot_risk", "nerve"]:
        assert PLACEHOLDER in factors[key].advice, key
    assert PLACEHOLDER in factors["pregnancy"].urgent_text


def test_no_question_page_start_page_or_check_answers_says_911(client, number_999):
    assert_shows_999_not_911(client.get("/triage/"))
    for slug in PAGES:
        assert_shows_999_not_911(client.get(page_url(slug)))
        client.post(page_url(slug), {k: with_changes()[k] for k in PAGES[slug]})
    assert_shows_999_not_911(client.get(CHECK_ANSWERS))


def test_the_placeholder_on_a_question_page_becomes_the_number(client, number_999):
    page = client.get(page_url("serious-symptoms")).content.decode()

    assert "If in doubt, call 999." in page and "Or call 999 now." in page
    answer_pages(client, with_changes())
    assert "A stuck lump: call 999" in client.get(page_url("other-symptoms")).content.decode()
