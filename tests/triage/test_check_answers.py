from tests.support.answers import (
    EVERY_SELF_CARE_STEP,
    NOTHING_OF_NOTE,
    PAGE_1_ALL_NO,
    PAGES,
    with_changes,
)
from tests.support.flows import CHECK_ANSWERS, FIRST_PAGE, answer_pages, page_url
from tests.support.pages import assert_public_page, parse
from triage.models import Result, load_rulebook


def test_lists_every_answer_with_a_change_link(client, db):
    answer_pages(client, with_changes(triggers=["new_exercise", "sweating"]))

    soup = parse(client.get(CHECK_ANSWERS))

    assert_public_page(soup)
    rows = soup.select(".summary-list__row")
    assert len(rows) == sum(len(keys) for keys in PAGES.values())
    triggers = next(row for row in rows if "happen before" in row.dt.get_text())
    assert "I started exercising" in triggers.select_one(".summary-list__value").get_text()
    assert "I was sweating a lot" in triggers.select_one(".summary-list__value").get_text()
    changes = [row.select_one(".summary-list__actions a")["href"] for row in rows]
    assert changes[0] == f"{FIRST_PAGE}?change#id_chest_pain_or_breathless_0"
    assert changes[-1] == f"{page_url('things-that-play-a-part')}?change#id_conditions_0"


def test_change_link_returns_to_check_answers(client, db):
    answer_pages(client, NOTHING_OF_NOTE)
    changed = {key: NOTHING_OF_NOTE[key] for key in PAGES["about-your-cramps"]}

    page = parse(client.get(page_url("about-your-cramps") + "?change"))
    response = client.post(
        page_url("about-your-cramps") + "?change", {**changed, "pain_stays": "yes"}
    )

    assert page.select_one("a.back-link")["href"] == CHECK_ANSWERS
    assert response["Location"] == CHECK_ANSWERS
    assert client.session["triage_answers"]["pain_stays"] == "yes"


def test_changing_page_one_to_yes_goes_straight_to_the_emergency_result(client, db):
    answer_pages(client, NOTHING_OF_NOTE)

    response = client.post(
        FIRST_PAGE + "?change", {**PAGE_1_ALL_NO, "chest_pain_or_breathless": "yes"}
    )

    assert response["Location"] == Result.objects.get().get_absolute_url()
    assert Result.objects.get().level == "emergency"


def test_confirming_stores_an_anonymous_result_and_forgets_the_answers(client, db):
    answer_pages(client, with_changes(medicines=["statin"]))

    response = client.post(CHECK_ANSWERS)

    result = Result.objects.get()
    assert response.status_code == 302 and response["Location"] == result.get_absolute_url()
    assert result.answers == with_changes(medicines=["statin"])
    assert (result.level, result.factors) == ("soon", ["medication"])
    assert result.advice == list(EVERY_SELF_CARE_STEP)
    assert result.fired_rules == [
        {"code": "S5", "level": "soon", "reason": "Statins can cause muscle pain and cramps."}
    ]
    assert result.rules_version == load_rulebook().version
    assert len(result.token) >= 32
    assert "triage_answers" not in client.session
    field_names = {field.name for field in Result._meta.get_fields()}
    assert field_names == {
        "id", "token", "answers", "level", "fired_rules", "factors", "advice", "action",
        "rules_version", "release", "created_at", "language",
    }  # fmt: skip


def test_unfinished_answers_lead_back_to_the_missing_page(client, db):
    client.post(FIRST_PAGE, PAGE_1_ALL_NO)

    assert client.get(CHECK_ANSWERS)["Location"] == page_url("about-you")
    assert client.post(CHECK_ANSWERS)["Location"] == page_url("about-you")
    assert not Result.objects.exists()


def test_answers_that_no_longer_fit_the_questions_are_asked_again(client, db):
    session = client.session
    session["triage_answers"] = with_changes(pain_stays="unbearable")
    session.save()

    assert client.get(CHECK_ANSWERS)["Location"] == page_url("about-your-cramps")
