import re

import pytest
from django.core.management import call_command
from django.db import connection

from education import search_index
from education.models import Article
from tests.support.pages import assert_public_page, parse


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


def marked_words(response):
    snippet = parse(response).select_one(".search-result__snippet")
    return [mark.get_text() for mark in snippet.select("mark")]


def test_snippets_mark_whole_words_never_parts_of_words(client, no_articles, make_article):
    make_article(title="Hats", body="What to do with a hat that fits, and where to buy one.")

    assert marked_words(client.get("/search/?q=hat")) == ["hat"]


def test_snippets_show_the_emergency_number_from_the_setting(
    client, no_articles, make_article, settings
):
    settings.EMERGENCY_NUMBER = "999"
    make_article(title="Clots", body="If you cannot breathe, call {emergency_number} now.")

    snippet = parse(client.get("/search/?q=breathe")).select_one(".search-result__snippet")

    assert "call 999 now" in snippet.get_text()
    assert "{emergency_number}" not in snippet.get_text() and "911" not in snippet.get_text()


def test_a_longer_form_of_a_word_is_marked_whole(client, no_articles, make_article):
    make_article(title="Moving", body="Stretching helps. Stretch every day.")

    assert marked_words(client.get("/search/?q=stretch")) == ["Stretching", "Stretch"]


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


def test_search_understands_word_endings(client, library):
    """Stemming: "stretches" finds "stretch", on PostgreSQL and on SQLite (FTS5, porter)."""
    assert titles(client.get("/search/?q=stretches"))[0] == "Stretching your inner thigh"


def test_search_uses_the_full_text_index_in_a_few_queries(
    client, library, django_assert_max_num_queries
):
    # SQLite: the ranked matches, which of them are published, the articles, and how long
    # the results may be kept; PostgreSQL needs one query for the first three.
    with django_assert_max_num_queries(4):
        client.get("/search/?q=stretch")


def test_a_search_asks_the_database_a_fixed_few_queries(
    client, library, django_assert_max_num_queries
):
    # The index's matches in rank order, which of them are published, and those articles.
    with django_assert_max_num_queries(3):
        assert titles(client.get("/search/?q=stretch"))[0] == "Stretching your inner thigh"


def test_a_content_change_is_found_at_once(client, library, make_article):
    assert titles(client.get("/search/?q=hamstring")) == []

    make_article(title="Hamstring cramps", summary="The back of the thigh.", body="Hold it.")

    assert titles(client.get("/search/?q=hamstring")) == ["Hamstring cramps"]


def test_an_edited_article_is_found_by_its_new_words_only(client, library):
    article = Article.objects.get(title="Statins")
    article.body = "Muscle aches can happen."
    article.save()

    assert titles(client.get("/search/?q=aches")) == ["Statins"]
    assert titles(client.get("/search/?q=pain")) == []


def test_snippets_cut_at_whole_words(client, no_articles, make_article):
    words = " ".join(f"word{n}" for n in range(80))
    make_article(title="Long", body=f"{words} stretch {words}")

    snippet = parse(client.get("/search/?q=stretch")).select_one(".search-result__snippet")

    inner = snippet.get_text().removeprefix("… ").removesuffix(" …")
    assert all(re.fullmatch(r"word\d+|stretch", word) for word in inner.split())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite rebuilds tables on ALTER")
def test_migrate_puts_back_an_index_trigger_a_table_rebuild_dropped(client, library, make_article):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {search_index.TABLE}_insert")
    make_article(title="Hamstring cramps", summary="Unindexed while the trigger is gone.")

    call_command("migrate", verbosity=0)

    assert titles(client.get("/search/?q=hamstring")) == ["Hamstring cramps"]


def test_results_are_never_stored_by_a_browser_or_a_shared_cache(client, library):
    response = client.get("/search/?q=stretch")

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control
