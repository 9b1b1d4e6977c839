"""None of the mistakes the clinical reviews found (of version 1, and of the checker as built
in version 2) appears on any page a reader can reach: articles, site pages, home, the
article list, the checker's start page."""

import re

import pytest

from education.models import Article, SitePage
from education.shipped_content import load_red_flags
from tests.support.pages import parse


@pytest.fixture
def site_text(client, db):
    """{address: [(section heading, [sentences])]} for every reader page."""
    paths = ["/", "/articles/", "/triage/"]
    # The English pages: the Spanish ones say the same in Spanish (test_spanish_pages.py).
    paths += [page.get_absolute_url() for page in Article.objects.published().filter(language="en")]
    paths += [page.get_absolute_url() for page in SitePage.objects.all()]
    return {path: sections(parse(client.get(path)).select_one("main")) for path in paths}


def sections(main):
    """The page's text cut at each h2, each part cut into sentences (list items included)."""
    parts, heading, words = [], "", []
    for element in main.find_all(["h2", "h3", "p", "li", "dt", "dd"]):
        if element.find(["p", "li"]) or element.find_parent("nav"):
            continue  # inner blocks are read on their own; contents lists repeat headings
        text = " ".join(element.get_text(" ").split())
        if element.name == "h2":
            parts.append((heading, words))
            heading, words = text, []
        else:
            words += re.split(r"(?<=[.!?:])\s+", text)
    parts.append((heading, words))
    return parts


def sentences_matching(site_text, pattern):
    for path, parts in site_text.items():
        for _heading, sentences in parts:
            for sentence in sentences:
                if re.search(pattern, sentence, re.IGNORECASE):
                    yield path, sentence


def sections_matching(site_text, pattern):
    for path, parts in site_text.items():
        for heading, sentences in parts:
            text = " ".join(sentences)
            if re.search(pattern, text, re.IGNORECASE):
                yield path, heading, text


def test_an_ordinary_cramp_is_never_called_an_emergency(site_text):
    assert not list(sentences_matching(site_text, r"very painful and hard to move"))


def test_the_foot_to_bottom_stretch_is_only_offered_for_the_front_of_the_thigh(site_text):
    found = list(sentences_matching(site_text, r"foot[^.]*(to|toward) (your )?(bottom|buttock)"))
    assert found
    for path, sentence in found:
        assert "front of" in sentence and "inner" not in sentence, (path, sentence)


def test_food_and_fluid_tips_carry_the_care_team_caveat(site_text):
    tips = r"bananas|avocados|coconut water|potassium-rich|drink more"
    found = list(sections_matching(site_text, tips))
    assert found
    for path, heading, text in found:
        assert re.search(r"care team", text, re.IGNORECASE), (path, heading)
        assert re.search(r"kidney", text, re.IGNORECASE), (path, heading)


def test_drinking_more_is_only_advised_for_heat_and_exercise(site_text):
    for path, sentence in sentences_matching(site_text, r"drink (more|plenty|lots)"):
        assert re.search(r"\bdo not\b|hot|heat|exercise", sentence, re.IGNORECASE), (
            path,
            sentence,
        )
    assert not list(sentences_matching(site_text, r"more and more|as much (water )?as you can"))


def test_heat_is_never_suggested_without_its_caution(site_text):
    found = list(sections_matching(site_text, r"heating pad|warm bath|warm compress"))
    assert found
    for path, heading, text in found:
        assert re.search(r"diabetes|do not use", text, re.IGNORECASE), (path, heading)


def test_do_not_stop_a_medicine_always_comes_with_the_statin_exception(site_text):
    found = list(sections_matching(site_text, r"do not stop a (prescribed )?medicine"))
    assert found
    for path, heading, text in found:
        assert re.search(r"statin[^.]*dark pee[^.]*stop", text, re.IGNORECASE), (path, heading)


def test_dark_pee_is_always_a_same_day_matter(site_text):
    found = list(sentences_matching(site_text, r"dark (pee|urine)|pee is dark"))
    assert found
    for path, sentence in found:
        if sentence in load_red_flags()["also_emergency"]:
            continue  # listed under "Also call the emergency number" on the care card
        assert re.search(r"today|same day|right away|now", sentence, re.IGNORECASE), (
            path,
            sentence,
        )


def test_painkiller_advice_carries_its_cautions_liver_disease_included(site_text):
    """A reader with cirrhosis must not be steered to ibuprofen."""
    caution = (
        r"do not take them if you have kidney disease, liver disease, heart failure or a "
        r"stomach ulcer, take a blood thinner, or are pregnant"
    )
    found = list(sections_matching(site_text, r"ibuprofen|naproxen"))
    assert found
    for path, heading, text in found:
        assert re.search(caution, text, re.IGNORECASE), (path, heading)
    for path, sentence in sentences_matching(site_text, r"painkillers?[^.]*stop"):
        assert "do not stop" in sentence.lower(), (path, sentence)


def test_one_sore_leg_after_a_cramp_is_not_called_urgent(site_text):
    assert not list(sentences_matching(site_text, r"swollen, warm, red or sore"))
    assert not list(sentences_matching(site_text, r"swollen, warm, red or painful"))


def test_no_coconut_water_tip(site_text):
    """Coconut water is rich in potassium, which can harm people on some heart medicines."""
    assert not list(sentences_matching(site_text, r"coconut water"))


def test_no_bed_covers_tip_on_inner_thigh_pages(site_text):
    """Loose bed covers are a tip for calf cramps (the foot pointing down), not inner thighs."""
    assert not list(sentences_matching(site_text, r"bed ?covers"))


def test_confusion_after_heat_is_never_a_same_day_matter(site_text):
    """Confusion after heat or exercise can be heatstroke: call the emergency number."""
    same_day_confusion = r"(today|same day)[^.]*confused|confused[^.]*(today|same day)"
    assert not list(sentences_matching(site_text, same_day_confusion))


def test_tetanus_is_named_where_its_signs_are_listed(site_text):
    found = list(sections_matching(site_text, r"stiff jaw"))
    assert found
    for path, heading, text in found:
        assert "tetanus" in text.lower(), (path, heading)


def test_dark_pee_is_never_sent_to_urgent_care(site_text):
    """Many urgent care centers cannot get a blood test result the same day."""
    assert list(sentences_matching(site_text, r"dark (pee|urine)|pee is dark"))
    urgent_care = r"(dark (pee|urine)|pee is dark)[^.]*urgent care"
    assert not list(sentences_matching(site_text, urgent_care))


def test_a_hard_lump_is_only_an_emergency_when_it_just_became_hard(site_text):
    """A hard lump that does not hurt and has not changed is often a gland: see a doctor soon."""
    found = list(sentences_matching(site_text, r"\bhard\b[^.]*\blump|\blump[^.]*\bhard\b"))
    assert found
    for path, sentence in found:
        assert re.search(r"just become hard|does not hurt", sentence), (path, sentence)
