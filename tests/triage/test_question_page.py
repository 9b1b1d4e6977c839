import json
from pathlib import Path

import pytest

from tests.pages import assert_public_page, parse
from tests.triage.answers import NOTHING_OF_NOTE, PAGE_1_ALL_NO, PAGES, with_changes
from tests.triage.flow import (
    CHECK_ANSWERS,
    FIRST_PAGE,
    answer_pages,
    complete_questionnaire,
    page_url,
)
from triage.models import Result, SafetyCase

SPEC_CASES = Path(__file__).resolve().parents[3] / "shared" / "triage_cases.json"


def result_of(response):
    soup = parse(response)
    cards = soup.select("[data-urgency]")
    assert len(cards) == 1
    return cards[0]["data-urgency"], [
        block["data-factor"] for block in soup.select("[data-factor]")
    ]


def shipped_cases():
    return list(SafetyCase.objects.select_related("expected_level"))


@pytest.mark.django_db
def test_every_shipped_safety_case_gets_its_advice_through_the_pages(client):
    for case in shipped_cases():
        response = complete_questionnaire(client, case.answers)

        level, factors = result_of(response)
        assert level == case.expected_level.key, case.name
        assert set(case.expected_factors) <= set(factors), case.name


@pytest.mark.django_db
def test_shipped_cases_include_every_example_of_the_spec():
    examples = json.loads(SPEC_CASES.read_text())
    shipped = {case.name: case for case in shipped_cases()}

    for example in examples:
        case = shipped[example["name"]]
        assert case.answers == example["answers"]
        assert case.expected_level.key == example["expected_urgency"]
        assert case.expected_factors == example.get("expected_factors", [])


@pytest.mark.parametrize("key", ["chest_pain_or_breathless", "leg_cold_pale", "saddle_numbness"])
def test_any_yes_on_page_one_goes_straight_to_the_emergency_result(client, db, key):
    response = client.post(FIRST_PAGE, {**PAGE_1_ALL_NO, key: "yes"})

    result = Result.objects.get()
    assert response.status_code == 302 and response["Location"] == result.get_absolute_url()
    assert result.level == "emergency"
    assert result.answers == {**PAGE_1_ALL_NO, key: "yes"}


def test_pages_come_in_order_then_check_answers(client, db):
    visited = []
    response = client.get(FIRST_PAGE)
    for slug, keys in PAGES.items():
        visited.append(response.request["PATH_INFO"])
        response = client.post(
            page_url(slug), {key: NOTHING_OF_NOTE[key] for key in keys}, follow=True
        )

    assert visited == [page_url(slug) for slug in PAGES]
    assert response.request["PATH_INFO"] == CHECK_ANSWERS


def test_question_page_is_a_complete_public_page(client, db):
    soup = parse(client.get(FIRST_PAGE))

    assert_public_page(soup)
    assert soup.h1.get_text() == "Check for serious symptoms first"
    legends = [legend.get_text(" ", strip=True) for legend in soup.select(".question-form legend")]
    assert len(legends) == 3 and legends[0].startswith("Do you have chest pain")
    names = {field["name"] for field in soup.select(".question-form input[type=radio]")}
    assert names == set(PAGES["serious-symptoms"])
    assert soup.select_one(".question-form button[type=submit]").get_text(strip=True) == "Continue"
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"


def test_multi_choice_questions_are_checkboxes_named_by_key(client, db):
    answer_pages(client, NOTHING_OF_NOTE)  # reach check answers, so every page is open

    soup = parse(client.get(page_url("triggers")))

    boxes = soup.select("form input[type=checkbox]")
    assert {box["name"] for box in boxes} == {"triggers", "medicines", "conditions"}
    assert {box["value"] for box in boxes if box["name"] == "medicines"} == {
        "statin",
        "diuretic",
        "none",
    }


def test_back_links_go_to_the_previous_step(client, db):
    answer_pages(client, NOTHING_OF_NOTE)

    backs = {
        slug: parse(client.get(page_url(slug))).select_one("a.back-link")["href"] for slug in PAGES
    }

    assert backs == {
        "serious-symptoms": "/triage/",
        "about-your-cramps": FIRST_PAGE,
        "other-symptoms": page_url("about-your-cramps"),
        "triggers": page_url("other-symptoms"),
    }


def test_earlier_answers_are_shown_when_going_back(client, db):
    answer_pages(client, with_changes(severity="moderate"))

    soup = parse(client.get(page_url("about-your-cramps")))

    assert soup.select_one('input[name="severity"][value="moderate"]').has_attr("checked")


def test_going_back_and_continuing_walks_forward_again(client, db):
    answer_pages(client, NOTHING_OF_NOTE)

    response = client.post(
        page_url("about-your-cramps"), {k: NOTHING_OF_NOTE[k] for k in PAGES["about-your-cramps"]}
    )

    assert response["Location"] == page_url("other-symptoms")


def test_skipping_ahead_leads_back_to_the_first_unanswered_page(client, db):
    client.post(FIRST_PAGE, PAGE_1_ALL_NO)

    response = client.get(page_url("triggers"))

    assert response.status_code == 302 and response["Location"] == page_url("about-your-cramps")


def test_pages_past_an_emergency_are_not_shown(client, db):
    session = client.session
    session["triage_answers"] = with_changes(leg_cold_pale="yes")
    session.save()

    response = client.get(page_url("other-symptoms"))

    assert response.status_code == 302 and response["Location"] == CHECK_ANSWERS


def test_unknown_page_is_404(client, db):
    assert client.get("/triage/no-such-page/").status_code == 404


def test_question_page_queries_are_bounded(client, db, django_assert_max_num_queries):
    client.post(FIRST_PAGE, PAGE_1_ALL_NO)

    with django_assert_max_num_queries(12):
        assert client.get(page_url("about-your-cramps")).status_code == 200
