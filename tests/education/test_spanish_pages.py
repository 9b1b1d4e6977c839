"""The reading pages in Spanish: each English page links to its Spanish page and back, with
hreflang links both ways, and no Spanish page shows an interface string in English."""

import re

import pytest
from bs4 import BeautifulSoup

from education.models import Article, Language, SitePage
from education.shipped_content import load_red_flags
from tests.support.pages import alternates
from tests.support.spanish import (
    LOCALE_PO,
    MSGID,
    english_interface_strings,
    english_strings_in,
    visible_text,
)

pytestmark = pytest.mark.django_db


def english_pages():
    articles = Article.objects.filter(language=Language.ENGLISH)
    pages = SitePage.objects.filter(language=Language.ENGLISH)
    return ["/", *(a.get_absolute_url() for a in articles), *(p.get_absolute_url() for p in pages)]


def other_language_link(soup):
    return soup.select_one("a.site-nav__language")


def test_every_english_page_links_to_a_spanish_page_that_links_back(client):
    for path in english_pages():
        english = BeautifulSoup(client.get(path).content, "html.parser")
        assert english.html["lang"] == "en"
        link = other_language_link(english)
        assert link["hreflang"] == "es", path
        spanish_path = link["href"].removeprefix("http://testserver")
        assert spanish_path.startswith("/es/"), path
        assert alternates(english)["es"] == link["href"]
        response = client.get(spanish_path)
        assert response.status_code == 200, spanish_path
        spanish = BeautifulSoup(response.content, "html.parser")
        assert spanish.html["lang"] == "es"
        assert alternates(spanish) == alternates(english)
        assert alternates(spanish)["x-default"] == f"http://testserver{path}"
        assert other_language_link(spanish)["href"] == f"http://testserver{path}"


def spanish_pages():
    articles = Article.objects.filter(language=Language.SPANISH)
    pages = SitePage.objects.filter(language=Language.SPANISH)
    return [
        "/es/",
        "/es/articles/",
        "/es/search/",
        "/es/search/?q=calambre",
        "/es/search/?q=zzzz",
        "/es/no-hay-tal-pagina/",
        *(a.get_absolute_url() for a in articles),
        *(p.get_absolute_url() for p in pages),
    ]


def test_no_spanish_page_shows_an_english_interface_string(client):
    strings = english_interface_strings()
    assert len(strings) > 50
    for path in spanish_pages():
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert english_strings_in(response.content, strings) == [], path


def test_the_spanish_feedback_pages_and_errors_are_in_spanish(client):
    strings = english_interface_strings()
    article = Article.objects.filter(language=Language.SPANISH).first()
    feedback = f"{article.get_absolute_url()}feedback/"
    refused = client.post(feedback, {"reason": "x" * 600})
    assert refused.status_code == 400
    assert "Elija sí o no" in visible_text(refused.content)
    thanks = client.post(feedback, {"helpful": "yes"}, follow=True)
    assert thanks.redirect_chain[-1][0] == f"{feedback}thanks/"
    for response in (refused, thanks):
        assert english_strings_in(response.content, strings) == []


def test_spanish_pages_show_the_spanish_emergency_signs(client):
    text = visible_text(client.get("/es/").content)
    for sign in load_red_flags("es")["emergency"]:
        assert sign.replace("{emergency_number}", "911") in text
    assert load_red_flags("en")["emergency"][0] not in text


def test_spanish_dates_read_in_spanish(client):
    article = Article.objects.filter(language=Language.SPANISH).first()
    text = visible_text(client.get(article.get_absolute_url()).content)
    assert re.search(
        r"\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
        r"septiembre|octubre|noviembre|diciembre) de \d{4}",
        text,
    )


def test_spanish_pages_link_to_the_spanish_checker_in_spanish(client):
    soup = BeautifulSoup(client.get("/es/").content, "html.parser")
    assert not soup.select('a[href="/triage/"]')
    checker_links = soup.select('a[href="/es/evaluador/"]')
    assert len(checker_links) >= 2  # the header, the checker box and the footer
    for link in checker_links:
        assert not link.get("hreflang")
        assert link.get_text(strip=True) == "Evaluador de síntomas"
    assert "inglés" not in visible_text(str(soup))


def test_an_unsigned_spanish_article_says_so_in_spanish(client):
    article = Article.objects.filter(language=Language.SPANISH, latest_signoff=None).first()
    text = visible_text(client.get(article.get_absolute_url()).content)
    assert "Un profesional clínico todavía no ha revisado esta página." in text


def test_an_english_slug_under_es_is_not_found(client):
    english = Article.objects.filter(language=Language.ENGLISH).first()
    assert client.get(f"/es/articles/{english.slug}/").status_code == 404
    spanish = Article.objects.filter(language=Language.SPANISH).first()
    assert client.get(f"/articles/{spanish.slug}/").status_code == 404


def test_search_in_spanish_finds_spanish_pages_only(client):
    soup = BeautifulSoup(client.get("/es/search/?q=calambres").content, "html.parser")
    found = [a["href"] for a in soup.select(".search-result__title a")]
    assert found and all(href.startswith("/es/articles/") for href in found)
    soup = BeautifulSoup(client.get("/search/?q=cramps").content, "html.parser")
    found = [a["href"] for a in soup.select(".search-result__title a")]
    assert found and not any(href.startswith("/es/") for href in found)


def test_the_compiled_catalog_matches_its_source():
    """The .mo is committed for machines without gettext; it must say what the .po says."""
    from django.utils import translation

    text = LOCALE_PO.read_text(encoding="utf-8")
    with translation.override("es"):
        for entry in text.split("\n\n")[1:]:
            msgid = MSGID.search(entry)
            msgstr = re.search(r'^msgstr "(.*)"$', entry, re.MULTILINE)
            if msgid and msgstr and msgstr.group(1):
                unescape = lambda s: s.replace('\\"', '"').replace("\\\\", "\\")  # noqa: E731
                assert translation.gettext(unescape(msgid.group(1))) == unescape(msgstr.group(1))


def test_the_sitemap_lists_both_languages(client):
    text = client.get("/sitemap.xml").content.decode()
    spanish = Article.objects.filter(language=Language.SPANISH).first()
    english = spanish.translation_of
    assert f"<loc>http://testserver/es/articles/{spanish.slug}/</loc>" in text
    assert f"<loc>http://testserver/articles/{english.slug}/</loc>" in text
    assert "<loc>http://testserver/es/</loc>" in text
    for slug in ("about", "privacy", "accessibility", "acerca-de", "privacidad", "accesibilidad"):
        prefix = "/es" if slug in SitePage.SPANISH_SLUGS.values() else ""
        assert f"<loc>http://testserver{prefix}/{slug}/</loc>" in text


def test_the_spanish_feedback_limit_page_is_in_spanish(client, monkeypatch):
    monkeypatch.setattr("education.views.FEEDBACK_PER_HOUR", 0)
    article = Article.objects.filter(language=Language.SPANISH).first()

    response = client.post(f"{article.get_absolute_url()}feedback/", {"helpful": "yes"})

    assert response.status_code == 429
    assert english_strings_in(response.content, english_interface_strings()) == []
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == "es"


@pytest.mark.parametrize("query", ["músculos", "musculos", "estiramientos"])
def test_spanish_search_finds_words_with_or_without_their_accents(client, query):
    soup = BeautifulSoup(client.get(f"/es/search/?q={query}").content, "html.parser")
    found = [a["href"] for a in soup.select(".search-result__title a")]
    assert found and all(href.startswith("/es/articles/") for href in found), query
