"""One source for the red flags: the article care cards, every footer and the symptom
checker's start and result pages show the same signs, from education/content/red_flags.yaml,
and those signs mean what the checker's page 1 and urgent rules mean."""

import pytest

from education.models import Article
from education.shipped_content import load_red_flags
from tests.support.answers import with_changes
from tests.support.flows import complete_questionnaire
from tests.support.pages import parse, shown_signs

SIGNS = load_red_flags()
# The meaning of each page 1 question of the checker (triage/data/questionnaire.json), in
# words each emergency sign must use.
EMERGENCY_MEANINGS = {
    "chest_pain_or_breathless": ["chest pain", "shortness of breath", "coughing up blood"],
    "leg_cold_pale": ["suddenly cold, pale, blue or gray"],
    "saddle_numbness": [
        "between both inner thighs",
        "genitals or buttocks",
        "new trouble peeing",
        "new loss of control of your pee or poop",
        "weakness in both legs",
    ],
    "tetanus_signs": [
        "stiff jaw or neck",
        "spasms in many muscles",
        "wound or animal bite",
        "signs of tetanus",
    ],
    "stroke_signs": ["one side of your face, arm or leg", "trouble speaking"],
    "testicle_pain": ["pain in a testicle or the scrotum"],
    "heat_illness": [
        "after heat or hard exercise",
        "confused",
        "faint",
        "seizure",
        "very hot and have stopped sweating",
        "signs of heatstroke",
    ],
}
# The emergencies the checker finds from later pages' answers together (triage/data/rules.json,
# E7 to E13 after page 1), which the article care cards add under the page 1 signs.
LATER_EMERGENCY_MEANINGS = {
    "E7 stuck groin lump": [
        "lump in your groin",
        "painful or tender",
        "will not go back in",
        "throwing up",
        "cannot poop or pass gas",
    ],
    "E8, E9, E13 dark pee with lasting pain, weakness or an uneven heartbeat": [
        "dark brown or red, like cola or tea",
        "muscle pain that has lasted more than a day or is there all the time",
        "a weak leg",
        "weakness all over",
        "racing or uneven heartbeat",
    ],
    "E10 fall at 60 or over, cannot stand": ["60 or over", "fell", "cannot stand or walk"],
    "E11 fever and cannot bear weight": [
        "high temperature",
        "cannot put weight on your leg or you limp",
    ],
}
URGENT_MEANINGS = {
    "U1 one leg": [
        "one leg",
        "swollen",
        "warm, red or darker, and painful",
        "not just the soreness",
        "emergency room",
    ],
    "U2 dark pee": ["dark brown or red, like cola or tea", "emergency room today for a blood test"],
    "U19 salts": [
        "racing or uneven heartbeat",
        "weakness all over",
        "tingling around your mouth or in your fingers",
        "spasms in your hands",
        "emergency room today for a blood test",
        "call {emergency_number} if you faint",
        "chest pain",
    ],
    "U3 weak leg": ["weak or gives way"],
    "U4 major injury": ['"pop" or snap', "large bruise", "dent in the muscle", "out of shape"],
    "U5 no weight": ["cannot put weight on your leg, or you limp"],
    "U6 long cramp": ["more than 10 minutes", "does not ease"],
    "U7 pain at rest": ["ache or burn when you rest", "sore", "will not heal"],
    "U8, U9 statin": [
        "statin",
        "most weeks with no clear reason",
        "muscle pain or tenderness that lasts more than a day",
    ],
    "U10, U11 fluid loss": [
        "water pill",
        "sweated a lot",
        "kidney, liver or heart disease",
        "throwing up or have diarrhea",
        "care team today",
    ],
    "U12 pre-eclampsia": [
        "pregnant or had a baby",
        "swelling of your face, hands or feet",
        "throwing up that started suddenly in the second half of pregnancy",
        "labor and delivery",
        "not urgent care",
    ],
    "U20 fever in pregnancy": ["pregnant or had a baby", "high temperature", "labor and delivery"],
    "U16, U24 clot in pregnancy": [
        "pregnant or had a baby",
        "pain or tenderness that lasts more than a day",
        "often lasts more than 10 minutes",
        "blood clot",
    ],
    "U14, U15 clot risk": [
        "operation",
        "hospital stay",
        "cast",
        "4 hours or more",
        "ever had a blood clot",
        "cancer treatment in the last 6 months",
        "pain or tenderness that lasts more than a day",
        "often lasts more than 10 minutes",
        "do not rub, roll or heat the leg",
    ],
    "U18, U22 blood thinner": [
        "blood thinner",
        "fell, had a blow or pulled a muscle",
        "even with no injury",
        "hit your head, go to an emergency room even if you feel fine",
    ],
    "U13 fall at 60 or over": ["60 or over", "after a fall, even if you can walk"],
    "U21 fever and lasting pain": ["high temperature and pain that lasts more than a day"],
    "U17, U23 child": [
        "child or teenager",
        "high temperature and leg pain",
        "thigh, hip or knee pain that lasts",
    ],
}
SOON_MEANINGS = {
    "S8 coming back": ["keep coming back"],
    "S9 waking": ["waking you up at night"],
    "S11 long cramps": ["often last more than 10 minutes"],
    "S21 lasting pain": ["painful or tender for more than a day", "do not rub, roll or heat"],
    "S3, S4 swelling or numbness": ["swelling in both legs", "numbness or tingling in one leg"],
    "S1 claudication": ["hurts when you walk", "better when you rest"],
    "S2 back pain": ["back or buttock pain that spreads down your leg"],
    "S12, S20 groin lump": ["goes back in", "hard lump", "does not hurt", "not changed"],
    "S5 to S7, S13 medicines and conditions": [
        "statin",
        "water pill",
        "new medicine",
        "diabetes",
        "thyroid",
    ],
    "S10 no clear cause": ["no clear cause", "every week"],
}


def assert_each_sign_means(signs, meanings):
    assert len(signs) == len(meanings)
    for sign, (name, words) in zip(signs, meanings.items(), strict=True):
        for word in words:
            assert word in sign, f"{name}: {word!r} missing from {sign!r}"


def items(element):
    return [" ".join(li.get_text(" ").split()) for li in element.select("li")]


def test_the_emergency_signs_mean_what_the_checkers_first_page_asks():
    assert_each_sign_means(SIGNS["emergency"], EMERGENCY_MEANINGS)


def test_the_later_emergencies_mean_what_the_checkers_emergency_rules_say():
    assert_each_sign_means(SIGNS["also_emergency"], LATER_EMERGENCY_MEANINGS)


def test_the_urgent_signs_mean_what_the_checkers_urgent_rules_say():
    assert_each_sign_means(SIGNS["urgent"], URGENT_MEANINGS)


def test_the_see_a_doctor_soon_signs_mean_what_the_checkers_soon_rules_say():
    assert_each_sign_means(SIGNS["soon"], SOON_MEANINGS)


def test_no_ordinary_cramp_or_waking_at_night_is_an_emergency_or_urgent():
    for sign in SIGNS["emergency"] + SIGNS["also_emergency"] + SIGNS["urgent"]:
        assert "very painful" not in sign and "hard to move" not in sign
        assert "waking" not in sign and "wakes" not in sign


@pytest.mark.parametrize("slug", ["inner-thigh-cramps", "groin-strain"])
def test_the_article_care_card_shows_each_level_from_the_one_file(client, db, slug):
    page = parse(client.get(Article.objects.get(slug=slug).get_absolute_url()))

    card = page.select_one("article .when-to-get-help")
    immediate = card.select_one(".care-card--immediate")
    assert items(immediate.select_one(".care-card__signs--emergency")) == shown_signs("emergency")
    also = immediate.select_one(".care-card__signs--also-emergency")
    assert items(also) == shown_signs("also_emergency")
    assert items(card.select_one(".care-card--urgent")) == shown_signs("urgent")
    assert items(card.select_one(".care-card--non-urgent")) == shown_signs("soon")


def test_the_signs_name_the_emergency_number_of_the_setting(client, db, settings):
    settings.EMERGENCY_NUMBER = "999"

    page = parse(client.get(Article.objects.get(slug="inner-thigh-cramps").get_absolute_url()))

    urgent = " ".join(items(page.select_one("article .care-card--urgent")))
    assert "call 999 if you faint" in urgent
    assert "911" not in urgent and "{emergency_number}" not in urgent


def test_each_later_emergency_is_on_the_article_care_card_as_call_the_emergency_number(
    client, db, settings
):
    """A reader with, say, dark pee and weak legs finds it under "call 911", not "today"."""
    page = parse(client.get(Article.objects.get(slug="inner-thigh-cramps").get_absolute_url()))

    immediate = page.select_one("article .when-to-get-help .care-card--immediate")
    text = " ".join(immediate.get_text(" ").split())
    assert f"Also call {settings.EMERGENCY_NUMBER} or go to the emergency room if:" in text
    also = " ".join(items(immediate.select_one(".care-card__signs--also-emergency")))
    for meaning, words in LATER_EMERGENCY_MEANINGS.items():
        for word in words:
            assert word in also, f"{meaning}: {word!r} is not on the emergency card"


def emergency_lists(page):
    return [ul for ul in page.select("ul") if items(ul) == SIGNS["emergency"]]


def test_the_home_page_the_footer_and_the_checker_start_page_show_the_same_signs(client, db):
    home = parse(client.get("/")).select_one("main .emergency-line")
    assert items(home) == SIGNS["emergency"]
    about = parse(client.get("/about/")).select_one("footer .emergency-line")
    assert items(about) == SIGNS["emergency"]
    start = parse(client.get("/triage/")).select_one("main .care-card--immediate")
    assert items(start) == SIGNS["emergency"]


@pytest.mark.parametrize(
    "path", ["/", "/triage/", "/about/", "/articles/", "/articles/inner-thigh-cramps/"]
)
def test_each_page_lists_the_emergency_signs_once(client, db, path, settings):
    page = parse(client.get(path))

    assert len(emergency_lists(page)) == 1
    assert f"call {settings.EMERGENCY_NUMBER}" in page.select_one("footer").get_text().lower()


def test_the_result_page_lists_the_emergency_signs_once(client, db):
    page = parse(complete_questionnaire(client, with_changes()))

    assert len(emergency_lists(page)) == 1


def test_the_checker_start_page_warns_before_its_start_button(client, db):
    main = str(parse(client.get("/triage/")).select_one("main"))

    assert main.index("Do not use this tool if you need help now") < main.index("Start now")


def test_the_checker_result_lists_the_same_emergency_signs_under_if_things_change(client, db):
    page = parse(complete_questionnaire(client, with_changes()))

    assert SIGNS["emergency"] in [items(ul) for ul in page.select("main ul")]
