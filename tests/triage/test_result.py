import pytest
from django.test import Client

from tests.pages import assert_public_page, parse
from tests.triage.answers import PAGE_1_ALL_NO, with_changes
from tests.triage.flow import complete_questionnaire
from triage.models import Result


@pytest.fixture
def result_page(client, db):
    def open_result(answers):
        return parse(complete_questionnaire(client, answers))

    return open_result


def test_emergency_result_shows_only_the_call_and_what_to_do_while_waiting(result_page, settings):
    settings.EMERGENCY_NUMBER = "999"

    soup = result_page({**PAGE_1_ALL_NO, "leg_cold_pale": "yes"})

    card = soup.select_one("[data-urgency]")
    assert card["data-urgency"] == "emergency" and "care-card--immediate" in card["class"]
    assert card.h1.get_text() == "Call 999 now"
    assert card.select_one('a[href="tel:999"]')
    assert "blood supply to the leg is blocked" in soup.select_one("#why").parent.get_text()
    assert not soup.select("[data-factor]")
    assert not soup.select_one("#what-you-can-do-now")
    assert not soup.select_one("#stop-cramps-coming-back")
    assert soup.select_one("#not-a-diagnosis")
    assert_public_page(soup)


def test_urgent_result_gives_the_action_first_then_every_reason_highest_first(result_page):
    soup = result_page(with_changes(dark_urine="yes", medicines=["statin"], triggers=["sweating"]))

    card = soup.select_one("[data-urgency]")
    assert card["data-urgency"] == "urgent" and "care-card--urgent" in card["class"]
    assert card.h1.get_text().startswith("Get medical help today")
    reasons = [li.get_text() for li in soup.select("#why + ul li")]
    assert reasons[0].startswith("Dark brown or red pee")
    assert reasons[1] == "Statins can cause muscle pain and cramps."
    assert reasons[2].startswith("Low fluids and lost minerals")


def test_factor_blocks_carry_their_keys_and_link_to_their_article_section(client, result_page):
    soup = result_page(with_changes(triggers=["new_exercise", "no_warmup"]))

    blocks = soup.select("[data-factor]")
    assert [block["data-factor"] for block in blocks] == ["overuse", "warm_up"]
    link = blocks[0].select_one("a")["href"]
    path, anchor = link.split("#")
    assert parse(client.get(path)).find(id=anchor)


def test_non_emergency_result_has_all_the_advice_sections(result_page):
    soup = result_page(with_changes(severity="severe"))

    assert soup.select_one("[data-urgency]")["data-urgency"] == "soon"
    for section in [
        "#why",
        "#what-you-can-do-now",
        "#stop-cramps-coming-back",
        "#if-things-change",
        "#not-a-diagnosis",
    ]:
        assert soup.select_one(section), section
    relief = soup.select_one("#what-you-can-do-now").parent.get_text()
    for step in ["stretch", "Rub the muscle", "heating pad", "cold pack"]:
        assert step in relief
    buttons = [b.get_text(strip=True) for b in soup.select(".result-actions button")]
    assert buttons == ["Change your answers", "Start again"]


def test_self_care_with_no_rule_fired_says_so(result_page):
    soup = result_page(with_changes())

    assert soup.select_one("[data-urgency]")["data-urgency"] == "self_care"
    assert "Nothing in your answers" in soup.select_one("#why").parent.get_text()


def test_only_the_care_card_and_factor_blocks_carry_test_hooks(result_page):
    soup = result_page(with_changes(numbness="yes", injury="yes"))

    assert len(soup.select("[data-urgency]")) == 1
    assert all(element.name == "div" for element in soup.select("[data-factor]"))
    assert {b["data-factor"] for b in soup.select("[data-factor]")} == {"nerve", "strain"}


def test_result_is_not_indexed_and_can_be_revisited(client, db):
    first = complete_questionnaire(client, with_changes())
    url = Result.objects.get().get_absolute_url()

    again = Client().get(url)  # another device: no session, just the address

    assert parse(first).select_one('meta[name="robots"]')["content"] == "noindex, nofollow"
    assert again.status_code == 200


@pytest.mark.parametrize("token", ["nope", "x" * 500, "%00", "..%2F..%2Fetc"])
def test_unknown_result_is_404(client, db, token):
    assert client.get(f"/triage/result/{token}/").status_code == 404


def test_result_page_queries_are_pinned(client, db, django_assert_max_num_queries):
    complete_questionnaire(client, with_changes(triggers=["sweating"]))
    url = Result.objects.get().get_absolute_url()

    # The result, its level, its factors, the article links and the session.
    with django_assert_max_num_queries(5):
        assert client.get(url).status_code == 200
