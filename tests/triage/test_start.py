from tests.support.pages import assert_public_page, parse


def test_start_page_explains_the_tool_and_starts_at_page_one(client, db, settings):
    settings.EMERGENCY_NUMBER = "112"

    soup = parse(client.get("/triage/"))

    assert_public_page(soup)
    assert soup.h1.get_text() == "Check your inner thigh cramps"
    assert soup.find("a", string="Start now")["href"] == "/triage/serious-symptoms/"
    text = soup.select_one("main").get_text(" ")
    assert "does not tell you what is wrong" in text
    assert "Call 112 now" in text and "coughing up blood" in text


def test_start_page_sets_no_cookie(client, db):
    assert not client.get("/triage/").cookies


def test_start_page_tells_someone_in_a_cramp_to_stretch_first_and_when_to_get_help(client, db):
    soup = parse(client.get("/triage/"))

    note = soup.select_one(".cramp-now")
    start_now = soup.find("a", string="Start now")
    text = " ".join(note.get_text().split())
    assert note.h2.get_text() == "If you have a cramp right now"
    assert "Stretch first" in text
    assert "more than 10 minutes" in text and "get medical help today" in text
    assert note in start_now.find_all_previous("div")  # before "Start now"
