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
