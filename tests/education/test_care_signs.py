"""One source for the red flags: the article care cards, every footer and the symptom
checker's start and result pages show the same signs, from education/content/red_flags.yaml,
and those signs mean what the checker's page 1 and urgent rules mean."""

import pytest

from education.models import Article
from education.shipped_content import load_red_flags
from tests.support.answers import with_changes
from tests.support.flows import complete_questionnaire
from tests.support.pages import parse

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
    "tetanus_signs": ["stiff jaw or neck", "spasms in many muscles", "wound or animal bite"],
    "stroke_signs": ["one side of your face, arm or leg", "trouble speaking"],
    "testicle_pain": ["pain in a testicle or the scrotum"],
}
# The emergencies the checker finds from later pages' answers together (triage/data/rules.json,
# E7 to E11), which the article care cards add under the page 1 signs.
LATER_EMERGENCY_MEANINGS = {
    "E7 stuck groin lump": ["painful or hard lump in your groin", "will not go back in"],
    "E8, E9 dark pee with bad pain or weakness": [
        "dark brown or red, like cola or tea",
        "bad muscle pain or weak muscles",
    ],
    "E10 fall at 60 or over, cannot stand": ["60 or over", "fell", "cannot stand or walk"],
    "E11 fever and cannot bear weight": [
        "high temperature",
        "cannot put weight on your leg or you limp",
    ],
}
URGENT_MEANINGS = [
    ["one leg", "swollen", "warm, red or darker, and painful", "not just the soreness"],
    ["dark brown or red, like cola or tea", "blood test today"],
    ["weak or gives way"],
    ["cannot put weight on your leg, or you limp"],
    ["more than 10 minutes", "does not ease"],
    ["statin", "most weeks with no clear reason", "muscle pain that does not go away"],
    ["water pill or have kidney disease", "throwing up", "diarrhea", "sweated a lot"],
    ["ache or burn when you rest", "sore", "will not heal"],
    ["60 or over", "after a fall, even if you can walk"],
    ["pregnant or had a baby", "swelling of your face, hands or feet", "labor and delivery"],
]


def items(element):
    return [" ".join(li.get_text(" ").split()) for li in element.select("li")]


def test_the_emergency_signs_mean_what_the_checkers_first_page_asks():
    assert len(SIGNS["emergency"]) == len(EMERGENCY_MEANINGS)
    for sign, words in zip(SIGNS["emergency"], EMERGENCY_MEANINGS.values(), strict=True):
        for word in words:
            assert word in sign, f"{word!r} missing from {sign!r}"


def test_the_later_emergencies_mean_what_the_checkers_emergency_rules_say():
    assert len(SIGNS["also_emergency"]) == len(LATER_EMERGENCY_MEANINGS)
    for sign, words in zip(SIGNS["also_emergency"], LATER_EMERGENCY_MEANINGS.values(), strict=True):
        for word in words:
            assert word in sign, f"{word!r} missing from {sign!r}"


def test_the_urgent_signs_mean_what_the_checkers_urgent_rules_say():
    for sign, words in zip(SIGNS["urgent"], URGENT_MEANINGS, strict=True):
        for word in words:
            assert word in sign, f"{word!r} missing from {sign!r}"


def test_no_ordinary_cramp_or_waking_at_night_is_an_emergency_or_urgent():
    for sign in SIGNS["emergency"] + SIGNS["also_emergency"] + SIGNS["urgent"]:
        assert "very painful" not in sign and "hard to move" not in sign
        assert "waking" not in sign and "wakes" not in sign


@pytest.mark.parametrize("slug", ["inner-thigh-cramps", "groin-strain"])
def test_the_article_care_card_shows_each_level_from_the_one_file(client, db, slug):
    page = parse(client.get(Article.objects.get(slug=slug).get_absolute_url()))

    card = page.select_one("article .when-to-get-help")
    immediate = card.select_one(".care-card--immediate")
    assert items(immediate.select_one(".care-card__signs--emergency")) == SIGNS["emergency"]
    also = immediate.select_one(".care-card__signs--also-emergency")
    assert items(also) == SIGNS["also_emergency"]
    assert items(card.select_one(".care-card--urgent")) == SIGNS["urgent"]
    assert items(card.select_one(".care-card--non-urgent")) == SIGNS["soon"]


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


def test_the_footer_and_the_checker_start_page_show_the_same_emergency_signs(client, db):
    for path in ["/", "/about/", "/triage/"]:
        page = parse(client.get(path))
        assert items(page.select_one("footer .emergency-line")) == SIGNS["emergency"], path
    start = parse(client.get("/triage/")).select_one("main .care-card--immediate")
    assert items(start) == SIGNS["emergency"]


def test_the_checker_result_lists_the_same_emergency_signs_under_if_things_change(client, db):
    page = parse(complete_questionnaire(client, with_changes()))

    assert SIGNS["emergency"] in [items(ul) for ul in page.select("main ul")]
