from tests.support.answers import PAGE_1_ALL_NO
from tests.support.flows import FIRST_PAGE


def test_start_again_forgets_the_answers(client, db):
    client.post(FIRST_PAGE, PAGE_1_ALL_NO)

    response = client.post("/triage/start-again/")

    assert response["Location"] == "/triage/"
    assert "triage_answers" not in client.session
    assert client.get("/triage/about-your-cramps/")["Location"] == FIRST_PAGE
