"""Pages showing a person's answers never stay in a browser's cache on a shared device."""

from tests.support.answers import NOTHING_OF_NOTE, with_changes
from tests.support.flows import CHECK_ANSWERS, FIRST_PAGE, answer_pages, complete_questionnaire


def assert_never_stored(response):
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control, response.request["PATH_INFO"]


def test_question_pages_are_never_stored(client, db):
    assert_never_stored(client.get(FIRST_PAGE))


def test_check_your_answers_is_never_stored(client, db):
    response = answer_pages(client, NOTHING_OF_NOTE)

    assert response.request["PATH_INFO"] == CHECK_ANSWERS
    assert_never_stored(response)


def test_the_result_page_is_never_stored(client, db):
    response = complete_questionnaire(client, with_changes(numbness="yes"))

    assert "/triage/result/" in response.request["PATH_INFO"]
    assert_never_stored(response)


def test_reading_pages_stay_cacheable(client, db):
    response = client.get("/articles/inner-thigh-cramps/")

    assert "no-store" not in response.get("Cache-Control", "")
