import json

import pytest

from tests.support.answers import (
    DATA,
    NOTHING_OF_NOTE,
    PAGE_1_ALL_NO,
    PAGES,
    shipped_cases,
    with_changes,
)
from tests.support.flows import (
    CHECK_ANSWERS,
    FIRST_PAGE,
    answer_pages,
    confirm,
    page_url,
    walk_pages,
)
from tests.support.pages import assert_public_page, parse
from triage.models import Result, SafetyCase, load_rulebook

LAST_PAGE = list(PAGES)[-1]


def shown(response):
    """What the result page shows: its level, factor blocks, advice steps and care card."""
    soup = parse(response)
    cards = soup.select("[data-urgency]")
    assert len(cards) == 1
    factors = [block["data-factor"] for block in soup.select("[data-factor]")]
    advice = [step["data-advice"] for step in soup.select("[data-advice]")]
    return cards[0]["data-urgency"], factors, advice, cards[0].get_text(" ", strip=True)


@pytest.mark.django_db
@pytest.mark.parametrize("case", shipped_cases(), ids=lambda case: case["name"])
def test_every_shipped_safety_case_gets_its_advice_through_the_pages(client, case):
    response, posted = confirm(*walk_pages(client, case["answers"]))

    level, factors, advice, card = shown(response)
    if set(case["answers"]) == set(PAGES["serious-symptoms"]):
        assert posted == ["serious-symptoms"]  # an emergency from page 1, after one page
    if level == "emergency":  # on the page that decides it: no page after it was asked
        deciding_key = list(load_rulebook().walk(case["answers"]).answers)[-1]
        assert posted[-1] == next(slug for slug, keys in PAGES.items() if deciding_key in keys)
    assert level == case["expected_urgency"]
    if "expected_factors" in case:
        assert sorted(factors) == sorted(case["expected_factors"])
    assert not set(case.get("forbidden_advice", [])) & set(advice)
    for words in case.get("forbidden_card_text", []):
        assert words.lower() not in card.lower()
    for words in case.get("required_card_text", []):
        assert words.lower() in card.lower()


@pytest.mark.django_db
def test_the_database_holds_every_shipped_case_and_every_example_case():
    stored = {case.name: case for case in SafetyCase.objects.select_related("expected_level")}
    examples = json.loads((DATA / "spec_examples.json").read_text())

    assert len(examples) == 28
    assert len(stored) == len(shipped_cases())
    for example in shipped_cases():
        case = stored[example["name"]]
        assert case.answers == example["answers"]
        assert case.expected_level.key == example["expected_urgency"]
        assert case.expected_factors == example.get("expected_factors")
        assert case.forbidden_advice == example.get("forbidden_advice", [])
        assert case.forbidden_card_text == example.get("forbidden_card_text", [])
        assert case.required_card_text == example.get("required_card_text", [])


def test_there_is_a_shipped_case_for_every_rule():
    rules = json.loads((DATA / "rules.json").read_text())
    names = [case["name"] for case in shipped_cases()]

    for rule in rules:
        assert any(name.startswith(f"{rule['code']}: ") for name in names), rule["code"]


@pytest.mark.parametrize("key", PAGES["serious-symptoms"])
def test_any_yes_on_page_one_goes_straight_to_the_emergency_result(client, db, key):
    client.get(FIRST_PAGE)
    response = client.post(FIRST_PAGE, {**PAGE_1_ALL_NO, key: "yes"})

    result = Result.objects.get()
    assert response.status_code == 302 and response["Location"] == result.get_absolute_url()
    assert result.level == "emergency"
    assert result.answers == {**PAGE_1_ALL_NO, key: "yes"}
    assert "triage_answers" not in client.session


@pytest.mark.parametrize(
    ("changes", "slug"),
    [
        ({"groin_lump": "painful_stuck"}, "other-symptoms"),
        ({"dark_urine": "yes", "pain_stays": "yes"}, "other-symptoms"),
        ({"dark_urine": "yes", "leg_weakness": "yes"}, "other-symptoms"),
        ({"dark_urine": "yes", "electrolyte_signs": "yes"}, "other-symptoms"),
        (
            {"injury": "minor", "cannot_bear_weight": "yes", "age_band": "60_or_over"},
            "other-symptoms",
        ),
        ({"fever": "yes", "cannot_bear_weight": "yes"}, "other-symptoms"),
    ],
)
def test_a_later_emergency_ends_the_questions_on_the_page_that_decides_it(
    client, db, changes, slug
):
    response = answer_pages(client, with_changes(**changes))

    assert response.redirect_chain[-1][0] == Result.objects.get().get_absolute_url()
    assert Result.objects.get().level == "emergency"
    assert not set(PAGES[LAST_PAGE]) & set(Result.objects.get().answers)


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
    assert len(legends) == 7 and legends[0].startswith("Chest pain")
    assert "very painful and hard to move" not in soup.get_text()
    names = {field["name"] for field in soup.select(".question-form input[type=radio]")}
    assert names == set(PAGES["serious-symptoms"])
    assert soup.select_one(".question-form button[type=submit]").get_text(strip=True) == "Continue"
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"


def test_multi_choice_questions_are_checkboxes_named_by_key(client, db):
    answer_pages(client, NOTHING_OF_NOTE)  # reach check answers, so every page is open

    soup = parse(client.get(page_url(LAST_PAGE)))

    boxes = soup.select("form input[type=checkbox]")
    assert {box["name"] for box in boxes} == {"triggers", "medicines", "conditions"}
    assert {box["value"] for box in boxes if box["name"] == "medicines"} == {
        "statin",
        "diuretic",
        "blood_thinner",
        "new_medicine",
        "none",
    }


def test_back_links_go_to_the_previous_step(client, db):
    answer_pages(client, NOTHING_OF_NOTE)

    backs = {
        slug: parse(client.get(page_url(slug))).select_one("a.back-link")["href"] for slug in PAGES
    }

    assert backs == {
        "serious-symptoms": "/triage/",
        "about-you": FIRST_PAGE,
        "about-your-cramps": page_url("about-you"),
        "other-symptoms": page_url("about-your-cramps"),
        "things-that-play-a-part": page_url("other-symptoms"),
    }


def test_earlier_answers_are_shown_when_going_back(client, db):
    answer_pages(client, with_changes(wakes_at_night="yes"))

    soup = parse(client.get(page_url("about-your-cramps")))

    assert soup.select_one('input[name="wakes_at_night"][value="yes"]').has_attr("checked")
    assert not soup.select_one('input[name="wakes_at_night"][value="no"]').has_attr("checked")


def test_going_back_and_continuing_walks_forward_again(client, db):
    answer_pages(client, NOTHING_OF_NOTE)

    response = client.post(
        page_url("about-your-cramps"), {k: NOTHING_OF_NOTE[k] for k in PAGES["about-your-cramps"]}
    )

    assert response["Location"] == page_url("other-symptoms")


def test_skipping_ahead_leads_back_to_the_first_unanswered_page(client, db):
    client.post(FIRST_PAGE, PAGE_1_ALL_NO)

    response = client.get(page_url(LAST_PAGE))

    assert response.status_code == 302 and response["Location"] == page_url("about-you")


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

    # The session (2), the pages with their questions and choices (3), the rules, conditions,
    # levels, questions, choices, factors and advice steps (7), and the user and messages.
    with django_assert_max_num_queries(14):
        assert client.get(page_url("about-you")).status_code == 200
