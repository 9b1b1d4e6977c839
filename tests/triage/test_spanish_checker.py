"""The symptom checker in Spanish (docs/languages.md): the same clinical behaviour through
the real Spanish pages, Spanish addresses and hreflang links, and results that keep their
language and show in either."""

import json

import pytest
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.test import Client

from tests.support.answers import DATA, NOTHING_OF_NOTE, PAGES, shipped_cases
from tests.support.flows import SPANISH_START, confirm, page_url, walk_pages
from tests.support.pages import alternates, parse
from tests.support.releases import publish_draft
from tests.support.spanish import english_interface_strings, english_strings_in, visible_text
from triage import releases
from triage.models import CheckerRelease, Result, Rule

pytestmark = pytest.mark.django_db


def english_data_texts():
    """Every English line of the checker's data a reader could see, long enough not to read
    the same in Spanish ("Diabetes", "No")."""
    texts = []

    def add(text):
        texts.extend(line.strip() for line in text.splitlines() if len(line.strip()) > 15)

    for page in json.loads((DATA / "questionnaire.json").read_text())["pages"]:
        add(page["title"])
        add(page["hint"])
        for question in page["questions"]:
            for field in ("text", "hint", "error_message"):
                add(question[field])
            for choice in question.get("choices", []):
                add(choice[1])
    for name, fields in [
        ("levels.json", ["headline", "advice"]),
        ("factors.json", ["title", "advice", "urgent_text"]),
        ("advice_steps.json", ["text"]),
        ("rules.json", ["reason", "action"]),
    ]:
        for row in json.loads((DATA / name).read_text()):
            for field in fields:
                add(row.get(field, "").replace("{EMERGENCY_NUMBER}", "911"))
    return texts


ENGLISH_STRINGS = english_interface_strings()
ENGLISH_TEXTS = english_data_texts()


def english_shown(html):
    return english_strings_in(html, ENGLISH_STRINGS + ENGLISH_TEXTS)


def latest_result():
    return Result.objects.order_by("-id").first()


def outcome(result):
    return result.level, result.factors, result.advice, result.action, result.fired_rules


@pytest.mark.parametrize("case", shipped_cases(), ids=lambda case: case["name"])
def test_every_shipped_case_gets_the_same_advice_through_the_spanish_pages(case):
    english_page, _ = confirm(*walk_pages(Client(), case["answers"]))
    english = latest_result()
    spanish_page, posted = confirm(*walk_pages(Client(), case["answers"], "es"))
    spanish = latest_result()

    assert spanish.pk != english.pk and spanish.language == "es"
    assert spanish_page.request["PATH_INFO"] == f"{SPANISH_START}resultado/{spanish.token}/"
    assert outcome(spanish) == outcome(english)  # the same keys, and the same words stored
    assert spanish.answers == english.answers and spanish.release == english.release
    soup = parse(spanish_page)
    assert soup.html["lang"] == "es"
    assert soup.select_one("[data-urgency]")["data-urgency"] == case["expected_urgency"]
    assert [b["data-factor"] for b in soup.select("[data-factor]")] == english.factors
    assert [s["data-advice"] for s in soup.select("[data-advice]")] == english.advice
    card = soup.select_one("[data-urgency]").get_text(" ", strip=True).lower()
    for words in case.get("forbidden_card_text_es", []):
        assert words.lower() not in card
    for words in case.get("required_card_text_es", []):
        assert words.lower() in card
    if case["expected_urgency"] == "emergency":
        assert "llame al 911 ahora" in card
    assert "{EMERGENCY_NUMBER}" not in spanish_page.content.decode()
    assert english_shown(spanish_page.content) == []
    assert english_shown(english_page.content)  # the same check finds English where it is


def test_every_spanish_question_page_and_check_your_answers_is_in_spanish():
    client = Client()
    response, posted = walk_pages(client, NOTHING_OF_NOTE, "es")
    assert response.request["PATH_INFO"] == f"{SPANISH_START}revisar-respuestas/"
    assert len(posted) == 5
    pages = [client.get(SPANISH_START), response]
    pages += [
        client.get(f"{SPANISH_START}{slug}/") for slug in ("sintomas-graves", "otros-sintomas")
    ]
    refused = client.post(f"{SPANISH_START}sobre-sus-calambres/", {"duration": "today"})
    assert refused.status_code == 400
    assert "Elija con qué frecuencia le dan calambres" in visible_text(refused.content)
    for page in [*pages, refused]:
        assert page.status_code in (200, 400)
        assert parse(page).html["lang"] == "es"
        assert english_shown(page.content) == []


def test_an_answer_check_refuses_in_spanish():
    client = Client()
    walk_pages(client, NOTHING_OF_NOTE, "es")
    answers = {**NOTHING_OF_NOTE, "duration": "today", "frequency": "weekly"}
    response = client.post(
        page_url("about-your-cramps", "es"),
        {key: answers[key] for key in PAGES["about-your-cramps"]},
    )
    assert response.status_code == 400
    text = visible_text(response.content)
    assert "Si sus calambres empezaron hoy, elija Solo una vez, o solo hoy" in text
    assert english_shown(response.content) == []


def test_questions_left_unanswered_are_summed_up_in_spanish():
    response = Client().post(f"{SPANISH_START}sintomas-graves/", {})

    assert response.status_code == 400
    summary = parse(response).select_one(".error-summary")
    assert "Responda todas las preguntas: 7 no tienen respuesta todavía" in summary.get_text()
    assert "Answer every question" not in visible_text(response.content)


def test_the_start_pages_link_to_each_other_with_hreflang(client):
    english, spanish = client.get("/triage/"), client.get(SPANISH_START)
    expected = {
        "en": "http://testserver/triage/",
        "es": "http://testserver/es/evaluador/",
        "x-default": "http://testserver/triage/",
    }
    assert alternates(parse(english)) == alternates(parse(spanish)) == expected
    assert parse(english).html["lang"] == "en" and parse(spanish).html["lang"] == "es"
    to_spanish = parse(english).select_one("a.site-nav__language")
    to_english = parse(spanish).select_one("a.site-nav__language")
    assert (to_spanish["href"], to_spanish["hreflang"]) == (expected["es"], "es")
    assert (to_english["href"], to_english["hreflang"]) == (expected["en"], "en")
    assert "Evalúe sus calambres en la cara interna del muslo" in visible_text(spanish.content)


def test_a_question_page_links_to_the_same_page_in_the_other_language(client):
    client.post("/triage/serious-symptoms/", dict.fromkeys(NOTHING_OF_NOTE, "no"))
    response = client.get("/es/evaluador/sobre-usted/")
    assert response.status_code == 200
    link = parse(response).select_one("a.site-nav__language")
    assert link["href"] == "http://testserver/triage/about-you/"
    english = parse(client.get("/triage/about-you/")).select_one("a.site-nav__language")
    assert english["href"] == "http://testserver/es/evaluador/sobre-usted/"


def test_english_addresses_are_unchanged(client):
    assert client.get("/triage/").status_code == 200
    assert client.get("/triage/serious-symptoms/").status_code == 200
    assert client.get("/es/evaluador/serious-symptoms/").status_code == 404
    assert client.get("/triage/sintomas-graves/").status_code == 404


def test_a_result_shows_in_its_language_and_links_to_the_same_result_in_the_other():
    spanish_page, _ = confirm(*walk_pages(Client(), NOTHING_OF_NOTE, "es"))
    result = latest_result()
    assert result.get_absolute_url() == f"/es/evaluador/resultado/{result.token}/"
    link = parse(spanish_page).select_one(".result-language a")
    assert link.get_text(strip=True) == "Read this result in English"
    assert link["href"] == f"/triage/result/{result.token}/"
    english_page = Client().get(link["href"])
    soup = parse(english_page)
    assert soup.html["lang"] == "en"
    assert "You can probably look after this yourself" in soup.h1.get_text()
    back = soup.select_one(".result-language a")
    assert back.get_text(strip=True) == "Ver este resultado en español"
    assert back["href"] == result.get_absolute_url()
    spanish = parse(spanish_page)
    for selector in ("[data-urgency]", "[data-factor]", "[data-advice]"):
        key = selector.strip("[]")
        assert [e[key] for e in soup.select(selector)] == [e[key] for e in spanish.select(selector)]
    assert Result.objects.count() == 1  # the same stored result, not a new one


def test_results_made_before_the_spanish_checker_are_english():
    confirm(*walk_pages(Client(), NOTHING_OF_NOTE))
    result = latest_result()
    assert result.language == "en"
    assert result.get_absolute_url() == f"/triage/result/{result.token}/"


def without_spanish(value):
    """A snapshot as releases were before the checker was in Spanish: no "_es" texts, and
    answers as [value, label]."""
    if isinstance(value, dict):
        return {
            k: [choice[:2] for choice in v] if k == "choices" else without_spanish(v)
            for k, v in value.items()
            if not k.endswith("_es")
        }
    if isinstance(value, list):
        return [without_spanish(each) for each in value]
    return value


def test_a_release_without_spanish_texts_still_loads_and_shows_in_english(client):
    published = CheckerRelease.objects.get(status=CheckerRelease.Status.PUBLISHED)
    older = without_spanish(published.snapshot)
    assert "title_es" not in json.dumps(older)
    release = CheckerRelease(status=CheckerRelease.Status.IN_REVIEW, snapshot=older)
    releases._publish(release, releases.case_results(older))

    english, _ = confirm(*walk_pages(client, NOTHING_OF_NOTE))
    assert "You can probably look after this yourself" in parse(english).h1.get_text()
    assert parse(english).select_one(".result-language") is None
    result = latest_result()
    spanish_address = result.url_in("es")
    assert client.get(spanish_address).url == result.url_in("en")
    assert client.get(SPANISH_START).url == "/triage/"
    assert client.get(f"{SPANISH_START}serious-symptoms/").url == "/triage/serious-symptoms/"
    assert set(alternates(parse(client.get("/triage/")))) == {"en", "x-default"}


def test_spanish_pages_take_no_more_queries_than_the_english_ones(
    client, django_assert_num_queries
):
    confirm(*walk_pages(client, NOTHING_OF_NOTE, "es"))
    result = latest_result()
    client.get(f"{SPANISH_START}sintomas-graves/")
    client.get(result.url_in("en"))

    # As in English: the session and the published release's number (the result and the
    # drawings' article sections); each language's questionnaire is kept in this process.
    with django_assert_num_queries(2):
        assert client.get(f"{SPANISH_START}sintomas-graves/").status_code == 200
    with django_assert_num_queries(3):
        assert client.get(result.get_absolute_url()).status_code == 200
    with django_assert_num_queries(3):
        assert client.get(result.url_in("en")).status_code == 200


def test_the_spanish_card_shows_the_spanish_of_the_rule_that_chose_it():
    """U2 and U19 share their English action; each keeps its own Spanish on the card."""
    own_words = " Lleve con usted la lista de sus medicinas."
    Rule.objects.filter(code="U2").update(action_es=Concat(F("action_es"), Value(own_words)))
    publish_draft()
    for case in shipped_cases():
        spanish_page, _ = confirm(*walk_pages(Client(), case["answers"], "es"))
        codes = [rule["code"] for rule in latest_result().fired_rules]
        if "U2" in codes and "U19" not in codes:
            break
    else:
        pytest.fail("no shipped case fires U2 without U19")
    card = parse(spanish_page).select_one("[data-urgency]").get_text(" ", strip=True)
    assert own_words.strip() in card
