import datetime

from django.utils import timezone

from education.models import Article
from education.views import ARTICLES_PER_PAGE
from tests.support.pages import assert_public_page, parse


def test_lists_published_articles_in_order(client, no_articles, make_article):
    make_article(title="Second", order=2)
    make_article(title="First", order=1)

    soup = parse(client.get("/articles/"))

    assert_public_page(soup)
    assert [a.get_text() for a in soup.select(".article-card__title a")] == ["First", "Second"]


def test_drafts_and_scheduled_articles_are_not_listed(client, no_articles, make_article):
    make_article(title="Visible")
    make_article(title="A draft", status=Article.Status.DRAFT)
    make_article(title="Later", publish_at=timezone.now() + datetime.timedelta(days=1))

    titles = [a.get_text() for a in parse(client.get("/articles/")).select(".article-card__title")]

    assert titles == ["Visible"]


def test_long_lists_are_paginated(client, no_articles, make_article, django_assert_max_num_queries):
    for n in range(ARTICLES_PER_PAGE + 1):
        make_article(title=f"Article {n:02}", order=n)

    # The count, the page of articles, and when the next scheduled one goes live.
    with django_assert_max_num_queries(3):
        first = parse(client.get("/articles/"))
    second = parse(client.get("/articles/?page=2"))

    assert len(first.select(".article-card")) == ARTICLES_PER_PAGE
    assert first.select_one('a[rel="next"]')["href"] == "?page=2"
    assert [a.get_text(strip=True) for a in second.select(".article-card__title")] == ["Article 20"]


def test_junk_page_number_goes_to_the_nearest_real_page_not_an_error(
    client, no_articles, make_article
):
    for n in range(ARTICLES_PER_PAGE + 1):
        make_article(order=n)

    for junk, nearest in [("abc", 1), ("0", 2), ("-1", 2), ("99999", 2), ("1e9", 1), ("02", 2)]:
        response = client.get(f"/articles/?page={junk}", follow=True)

        assert response.redirect_chain == [(f"/articles/?page={nearest}", 302)], junk
        assert response.status_code == 200
