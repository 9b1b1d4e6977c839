from tests.support.answers import with_changes
from tests.support.flows import CHECK_ANSWERS, complete_questionnaire
from tests.support.pages import parse
from triage.models import Result


def test_change_your_answers_brings_a_stored_result_back_to_check_answers(client, db):
    complete_questionnaire(client, with_changes(wakes_at_night="yes"))
    result = Result.objects.get()

    response = client.post(f"{result.get_absolute_url()}change/")

    assert response["Location"] == CHECK_ANSWERS
    wakes = parse(client.get(CHECK_ANSWERS)).find(
        "dt", string="Do your cramps keep waking you up at night?"
    )
    assert wakes.find_next("dd").get_text(strip=True).startswith("Yes")


def test_changing_an_answer_gives_a_new_result(client, db):
    complete_questionnaire(client, with_changes(wakes_at_night="yes"))
    client.post(f"{Result.objects.get().get_absolute_url()}change/")

    client.post(
        "/triage/about-your-cramps/?change",
        {"duration": "today", "frequency": "once", "wakes_at_night": "no", "pain_stays": "no",
         "cramp_length": "minutes", "circulation_pain": "no"},
    )  # fmt: skip
    client.post(CHECK_ANSWERS)

    assert [r.level for r in Result.objects.order_by("created_at", "id")] == ["soon", "self_care"]


def test_change_needs_a_known_result(client, db):
    assert client.post("/triage/result/unknown-token/change/").status_code == 404


def test_changing_a_version_2_result_asks_the_new_questions_again(client, db):
    version_2_answers = {
        **with_changes(),
        "severity": "wakes_me",
        "injury": "yes",
    }
    del version_2_answers["wakes_at_night"], version_2_answers["pain_stays"]
    result = Result.objects.create(
        answers=version_2_answers,
        level="soon",
        fired_rules=[],
        factors=[],
        rules_version="v2fingerprint",
    )

    client.post(f"{result.get_absolute_url()}change/")
    response = client.get(CHECK_ANSWERS, follow=True)

    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/triage/about-your-cramps/"
    assert not parse(response).select_one('input[name="wakes_at_night"][checked]')
