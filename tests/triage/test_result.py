import pytest
from django.test import Client

from tests.support.answers import EVERY_SELF_CARE_STEP, PAGE_1_ALL_NO, with_changes
from tests.support.flows import complete_questionnaire
from tests.support.pages import assert_public_page, parse
from tests.support.releases import publish_draft
from triage.models import Level, Result


@pytest.fixture
def result_page(client, db):
    def open_result(answers):
        return parse(complete_questionnaire(client, answers))

    return open_result


def hooks(soup, name):
    return [element[f"data-{name}"] for element in soup.select(f"[data-{name}]")]


def test_emergency_result_shows_only_the_call_and_what_to_do_while_waiting(result_page, settings):
    settings.EMERGENCY_NUMBER = "999"

    soup = result_page({**PAGE_1_ALL_NO, "leg_cold_pale": "yes"})

    card = soup.select_one("[data-urgency]")
    assert card["data-urgency"] == "emergency" and "care-card--immediate" in card["class"]
    assert card.h1.get_text() == "Call 999 now"
    assert card.select_one('a[href="tel:999"]')
    assert "blood supply is blocked" in soup.select_one("#why").parent.get_text()
    assert hooks(soup, "factor") == [] and hooks(soup, "advice") == []
    assert soup.select_one("#not-a-diagnosis") and soup.select_one("#if-things-change")
    assert_public_page(soup)


def test_a_later_emergency_shows_only_its_emergency_reasons(result_page):
    soup = result_page(with_changes(dark_urine="yes", pain_stays="yes", medicines=["statin"]))

    assert soup.select_one("[data-urgency]")["data-urgency"] == "emergency"
    reasons = [li.get_text() for li in soup.select("#why ~ ul li")]
    assert reasons == [
        "Dark pee with muscle pain that lasts can mean serious muscle breakdown "
        "(rhabdomyolysis): call 911 or go straight to an emergency room."
    ]
    assert hooks(soup, "factor") == [] and hooks(soup, "advice") == []


def test_urgent_result_shows_no_self_help_and_what_to_tell_the_doctor(result_page):
    soup = result_page(with_changes(leg_swelling="one_leg", injury="major"))

    card = soup.select_one("[data-urgency]")
    assert card["data-urgency"] == "urgent" and "care-card--urgent" in card["class"]
    assert card.h1.get_text().startswith("Get medical help today")
    assert "or go to urgent care" in card.h1.get_text()  # no rule names another place
    assert hooks(soup, "advice") == ["rest_until_checked"]
    assert hooks(soup, "factor") == ["strain"]
    strain = soup.select_one('[data-factor="strain"]').get_text()
    assert "Tell them how it happened" in strain and "cold pack" not in strain
    assert "Rub the muscle" not in soup.get_text() and "heating pad" not in soup.get_text()


def test_urgent_reasons_come_first_then_the_others_under_their_own_heading(result_page):
    soup = result_page(with_changes(dark_urine="yes", medicines=["statin"], triggers=["sweating"]))

    why = soup.select_one("#why").parent
    lists = why.select("ul.reasons")
    assert [li.get_text() for li in lists[0].select("li")] == [
        "Dark pee can mean muscle breakdown. Go to an emergency room today for a blood test: "
        "many urgent care centers cannot get the result the same day."
    ]
    assert why.h3.get_text() == "Other things that may play a part"
    assert [li.get_text() for li in lists[1].select("li")] == [
        "Statins can cause muscle pain and cramps.",
        "Losing fluid and salts may make cramps more likely.",
    ]


def test_factor_blocks_carry_their_keys_and_link_to_their_article_section(client, result_page):
    soup = result_page(with_changes(triggers=["new_exercise", "no_warmup"]))

    blocks = soup.select("[data-factor]")
    assert [block["data-factor"] for block in blocks] == ["overuse", "warm_up"]
    link = blocks[0].select_one("a")["href"]
    path, anchor = link.split("#")
    assert parse(client.get(path)).find(id=anchor)


def test_soon_result_shows_the_advice_steps_under_their_sections(result_page):
    soup = result_page(with_changes(wakes_at_night="yes"))

    assert soup.select_one("[data-urgency]")["data-urgency"] == "soon"
    assert hooks(soup, "advice") == list(EVERY_SELF_CARE_STEP)
    headings = [section.h2.get_text() for section in soup.select("section.advice-steps")]
    assert headings == ["When a cramp starts", "What may help stop cramps coming back"]
    daily = soup.select_one('[data-advice="stretch_daily"]').get_text()
    assert "may help" in daily and "mixed" in daily
    buttons = [b.get_text(strip=True) for b in soup.select(".result-actions button")]
    assert buttons == ["Print this page", "Change your answers", "Start again"]


def test_a_strain_gets_first_aid_instead_of_heat_massage_and_stretching(result_page):
    soup = result_page(with_changes(injury="minor"))

    assert soup.select_one("[data-urgency]")["data-urgency"] == "self_care"
    assert hooks(soup, "advice") == [
        "injury_first_aid",
        "drink_regularly",
        "mineral_foods",
        "warm_up_cool_down",
        "build_up_slowly",
    ]
    assert "For the first 2 to 3 days" in soup.select_one('[data-factor="strain"]').get_text()


def test_kidney_disease_gets_the_care_team_instead_of_fluid_and_potassium_tips(result_page):
    soup = result_page(with_changes(conditions=["kidney"], triggers=["sweating"]))

    assert hooks(soup, "factor") == ["condition", "fluid_restriction"]
    assert "care_team_fluids" in hooks(soup, "advice")
    assert not {"drink_regularly", "mineral_foods"} & set(hooks(soup, "advice"))
    assert "bananas" not in soup.get_text() and "coconut" not in soup.get_text()


def test_self_care_with_no_rule_fired_says_so(result_page):
    soup = result_page(with_changes())

    assert soup.select_one("[data-urgency]")["data-urgency"] == "self_care"
    why = soup.select_one("#why").parent.get_text()
    assert "Nothing in your answers" in why and "Most cramps are harmless" in why


def test_your_answers_are_listed_in_plain_words(result_page):
    soup = result_page(with_changes(age_band="60_or_over", medicines=["statin", "diuretic"]))

    answers = soup.select_one("#your-answers").parent
    rows = {row.dt.get_text(): row.dd.get_text(" ") for row in answers.select(".summary-list__row")}
    assert rows["How old are you?"] == "60 or over"
    assert "A statin, for cholesterol" in rows["Do you take any of these medicines?"]
    assert "A water pill" in rows["Do you take any of these medicines?"]
    assert len(rows) == 29
    assert rows["Did the pain start with an injury?"].startswith("No")


def test_every_result_says_what_to_do_if_things_change(result_page):
    soup = result_page(with_changes())

    change = soup.select_one("#if-things-change").parent.get_text()
    assert "chest pain" in change
    assert "cramp lasts more than 10 minutes" in change and "dark brown or red" in change
    after_cramp = soup.select_one("#if-things-change").parent.select_one(".after-cramp-pain")
    assert "pain after a cramp keeps getting worse" in after_cramp.get_text()
    assert "swelling, warmth or redness" in after_cramp.get_text()
    assert soup.select_one("#not-a-diagnosis")


def test_only_the_result_page_carries_test_hooks(client, result_page):
    soup = result_page(with_changes(numbness="yes", injury="minor"))

    assert len(soup.select("[data-urgency]")) == 1
    assert all(element.name == "div" for element in soup.select("[data-factor]"))
    assert set(hooks(soup, "factor")) == {"strain", "nerve", "heat_caution"}
    for url in ["/", "/triage/", "/triage/serious-symptoms/", "/inner-thigh-cramps/"]:
        page = client.get(url, follow=True).content.decode()
        assert "data-urgency" not in page and "data-factor" not in page, url
        assert "data-advice" not in page, url


def test_a_version_1_result_still_shows_marked_as_made_with_older_rules(client, db):
    result = Result.objects.create(
        answers={"chest_pain_or_breathless": "no", "one_leg_swollen": "yes"},
        level="urgent",
        fired_rules=[{"code": "U1", "level": "urgent", "reason": "A swollen leg can be a clot."}],
        factors=["overuse"],
        rules_version="0123456789ab",
    )

    soup = parse(client.get(result.get_absolute_url()))

    assert soup.select_one("[data-urgency]")["data-urgency"] == "urgent"
    assert "older version of our rules" in soup.select_one(".older-rules").get_text()
    assert "A swollen leg can be a clot." in soup.select_one("#why").parent.get_text()
    assert hooks(soup, "advice") == []
    rows = [dt.get_text() for dt in soup.select("#your-answers ~ details dt")]
    assert "One leg swollen" in rows


def test_a_current_result_is_not_marked_as_older(result_page):
    assert not result_page(with_changes()).select_one(".older-rules")


def test_result_is_not_indexed_and_can_be_revisited(client, db):
    first = complete_questionnaire(client, with_changes())
    url = Result.objects.get().get_absolute_url()

    again = Client().get(url)  # another device: no session, just the address

    assert parse(first).select_one('meta[name="robots"]')["content"] == "noindex, nofollow"
    assert again.status_code == 200


@pytest.mark.parametrize("token", ["nope", "x" * 500, "%00", "..%2F..%2Fetc"])
def test_unknown_result_is_404(client, db, token):
    assert client.get(f"/triage/result/{token}/").status_code == 404


def test_result_page_reads_the_session_the_result_and_the_drawn_sections(
    client, db, django_assert_num_queries
):
    complete_questionnaire(client, with_changes(triggers=["sweating"], wakes_at_night="yes"))
    result = Result.objects.get()
    assert result.factors and result.advice  # every part of the page is drawn

    # Levels, factors, advice steps and questions come with the questionnaire this process
    # built for the release; the articles the factors link to, and the article sections that
    # draw the advice, are read each time (they change apart from releases).
    with django_assert_num_queries(4):
        assert client.get(result.get_absolute_url()).status_code == 200


def test_a_stored_result_keeps_the_texts_and_number_of_the_release_that_made_it(client, db):
    complete_questionnaire(client, with_changes())
    result = Result.objects.get()
    level = Level.objects.get(key=result.level)
    heading = level.headline
    level.headline = "Look after yourself at home"
    level.save()
    publish_draft()

    soup = parse(Client().get(result.get_absolute_url()))

    assert soup.select_one(".care-card__heading").get_text() == heading
    assert "made with checker release 1 of" in " ".join(soup.get_text().split())


def test_pre_eclampsia_signs_send_to_labor_and_delivery_never_urgent_care(result_page):
    soup = result_page(with_changes(pregnant="yes_warning_signs", dark_urine="yes"))

    card = soup.select_one("[data-urgency]")
    assert card["data-urgency"] == "urgent" and "care-card--urgent" in card["class"]
    assert card.h1.get_text().startswith("Call your OB-GYN, midwife or labor and delivery unit")
    assert "go to labor and delivery or an emergency room" in card.h1.get_text()
    assert "urgent care" not in card.get_text().lower()
    assert Result.objects.get().action.startswith("Call your OB-GYN")


@pytest.mark.parametrize("changes", [{"dark_urine": "yes"}, {"electrolyte_signs": "yes"}])
def test_a_same_day_blood_test_sends_to_an_emergency_room(result_page, settings, changes):
    settings.EMERGENCY_NUMBER = "999"

    soup = result_page(with_changes(**changes))

    card = soup.select_one("[data-urgency]")
    assert card.h1.get_text() == (
        "Go to an emergency room today: you need a blood test with a same-day result."
    )
    assert "Call 999 if you faint" in card.get_text()
    assert "urgent care" not in card.get_text().lower()


def test_clot_risk_with_pain_that_stays_shows_no_rubbing_rolling_or_heat(result_page):
    soup = result_page(with_changes(clot_risk="yes", pain_stays="yes"))

    assert soup.select_one("[data-urgency]")["data-urgency"] == "urgent"
    assert hooks(soup, "factor") == ["lasting_pain", "clot_risk"]
    assert hooks(soup, "advice") == ["rest_until_checked"]
    clot = soup.select_one('[data-factor="clot_risk"]').get_text()
    assert "cancer treatment" in clot and "do not rub or heat the leg" in clot


def test_a_version_2_result_still_shows_marked_as_made_with_older_rules(client, db):
    result = Result.objects.create(
        answers={"severity": "severe", "injury": "yes", "medicines": ["blood_thinner"]},
        level="soon",
        fired_rules=[{"code": "S17", "level": "soon", "reason": "A blood thinner can bleed."}],
        factors=["strain", "bleeding_risk"],
        advice=["injury_first_aid", "warm_up_cool_down"],
        rules_version="abcdef012345",
    )

    soup = parse(client.get(result.get_absolute_url()))

    assert soup.select_one("[data-urgency]")["data-urgency"] == "soon"
    assert soup.select_one(".older-rules")
    assert "A blood thinner can bleed." in soup.select_one("#why").parent.get_text()
    assert hooks(soup, "factor") == ["strain", "bleeding_risk"]
    assert hooks(soup, "advice") == ["injury_first_aid", "warm_up_cool_down"]
    rows = {row.dt.get_text(): row.dd.get_text() for row in soup.select(".summary-list__row")}
    assert rows["Severity"] == "severe" and rows["Did the pain start with an injury?"] == "yes"
