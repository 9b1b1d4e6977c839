"""Going Back from a result finds the answers again, with a link to the advice they gave;
starting again, or from the start page, does not."""

from tests.support.answers import PAGE_1_ALL_NO, with_changes
from tests.support.flows import CHECK_ANSWERS, FIRST_PAGE, complete_questionnaire
from tests.support.pages import parse
from triage.models import Choice, Result
from triage.views import SESSION_KEY


def test_back_from_a_result_to_check_your_answers_shows_the_answers(client, db):
    complete_questionnaire(client, with_changes(cramp_length="over_10_minutes"))
    result = Result.objects.get()
    assert SESSION_KEY not in client.session  # showing the result forgot them

    response = client.get(CHECK_ANSWERS)

    assert response.status_code == 200
    page = parse(response)
    longer = Choice.objects.get(question__key="cramp_length", value="over_10_minutes").label
    assert longer in page.get_text()
    assert page.select_one(f".back-from-result a[href='{result.get_absolute_url()}']")
    assert client.session[SESSION_KEY] == result.answers


def test_back_from_an_emergency_result_shows_page_one_as_answered(client, db):
    client.get(FIRST_PAGE)
    client.post(FIRST_PAGE, {**PAGE_1_ALL_NO, "leg_cold_pale": "yes"})

    page = parse(client.get(FIRST_PAGE))

    assert page.select_one("input[name='leg_cold_pale'][value='yes']").has_attr("checked")
    assert page.select_one(".back-from-result a")["href"] == Result.objects.get().get_absolute_url()


def test_the_answers_come_back_once_and_only_through_back(client, db):
    complete_questionnaire(client, with_changes())
    client.get(CHECK_ANSWERS)

    again = parse(client.get(CHECK_ANSWERS))

    assert not again.select(".back-from-result")  # the answers are simply there now


def test_the_start_page_forgets_the_last_result(client, db):
    complete_questionnaire(client, with_changes())
    client.get("/triage/")

    response = client.get(FIRST_PAGE)

    assert not parse(response).select("input[checked]")
    assert not parse(response).select(".back-from-result")


def test_start_again_forgets_the_last_result(client, db):
    complete_questionnaire(client, with_changes())
    client.post("/triage/start-again/")

    assert client.get(CHECK_ANSWERS)["Location"] == FIRST_PAGE


def test_a_purged_result_leaves_an_empty_first_page(client, db):
    complete_questionnaire(client, with_changes())
    Result.objects.all().delete()

    assert client.get(CHECK_ANSWERS)["Location"] == FIRST_PAGE
