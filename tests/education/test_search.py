import re

import pytest
from django.db import connection

from education.models import Article
from tests.pages import assert_public_page, parse


def titles(response):
    return [a.get_text() for a in parse(response).select(".search-result__title a")]


@pytest.fixture
def library(no_articles, make_article):
    make_article(title="Stretching your inner thigh", summary="How to stretch.", body="Hold it.")
    make_article(title="Minerals", summary="Salt and water.", body="Stretch after you drink.")
    make_article(title="Statins", summary="Cholesterol medicine.", body="Muscle pain can happen.")
    make_article(title="Stretching draft", status=Article.Status.DRAFT, body="stretch stretch")


def test_title_matches_rank_above_body_matches(client, library):
    response = client.get("/search/?q=stretch")

    assert titles(response) == ["Stretching your inner thigh", "Minerals"]
    assert_public_page(parse(response))


def test_every_word_must_match(client, library):
    assert titles(client.get("/search/?q=muscle+pain")) == ["Statins"]
    assert titles(client.get("/search/?q=muscle+stretch")) == []


def test_drafts_and_scheduled_articles_are_never_found(client, library):
    assert "Stretching draft" not in titles(client.get("/search/?q=stretch"))


def test_snippets_highlight_the_words(client, library):
    snippet = parse(client.get("/search/?q=drink")).select_one(".search-result__snippet")

    assert snippet.mark.get_text().lower() == "drink"


def test_the_shipped_articles_are_searchable(client, db):
    found = titles(client.get("/search/?q=magnesium"))

    assert "Common causes of inner thigh cramps" in found


@pytest.mark.parametrize(
    "query",
    ["", "   ", "a", "!!!", "%00", "x" * 5000, "<script>alert(1)</script>", "' OR 1=1 --", "😀"],
)
def test_empty_or_junk_queries_get_a_helpful_page(client, library, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    soup = parse(response)
    assert not soup.select("main script")
    assert soup.select_one("main form input[name=q]")
    text = soup.select_one("main").get_text(" ")
    assert "Enter a word" in text or "No articles matched" in text


def test_the_query_is_shown_back_safely(client, library):
    response = client.get("/search/", {"q": '"><img src=x onerror=alert(1)> stretch'})

    assert b"<img src=x" not in response.content
    assert "&lt;img src=x" in response.content.decode()


def test_a_hostile_article_cannot_inject_through_a_snippet(client, no_articles, make_article):
    make_article(title="Unsafe", body="stretch <img src=x onerror=alert(1)> stretch")

    snippet = parse(client.get("/search/?q=stretch")).select_one(".search-result__snippet")

    assert not snippet.select("img") and {t.name for t in snippet.find_all(True)} <= {"mark"}


def test_every_page_has_a_search_box_in_the_header(client, db):
    box = parse(client.get("/")).select_one("header form[role=search]")

    assert box["action"] == "/search/" and box.select_one("input[name=q]")
    assert box.select_one("label[for=site-search-query]")


def test_search_uses_full_text_search_on_postgresql(client, library):
    """Stemming: "stretches" finds "stretch" only where the database understands English."""
    found = titles(client.get("/search/?q=stretches"))

    if connection.vendor == "postgresql":
        assert found[0] == "Stretching your inner thigh"
    else:
        assert found == []


def test_search_queries_are_bounded(client, library, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        client.get("/search/?q=stretch")


def test_snippets_cut_at_whole_words(client, no_articles, make_article):
    words = " ".join(f"word{n}" for n in range(80))
    make_article(title="Long", body=f"{words} stretch {words}")

    snippet = parse(client.get("/search/?q=stretch")).select_one(".search-result__snippet")

    inner = snippet.get_text().removeprefix("… ").removesuffix(" …")
    assert all(re.fullmatch(r"word\d+|stretch", word) for word in inner.split())
