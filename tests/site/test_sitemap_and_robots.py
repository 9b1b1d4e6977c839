import datetime
import xml.etree.ElementTree as ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from education.models import Article, SitePage

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return {
        url.find("s:loc", NS).text: getattr(url.find("s:lastmod", NS), "text", None)
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_published_articles_and_main_pages(client, make_article):
    today = timezone.localdate()
    article = make_article(slug="listed", last_reviewed=today)
    make_article(slug="a-draft", status=Article.Status.DRAFT)
    make_article(slug="scheduled", publish_at=timezone.now() + datetime.timedelta(days=1))

    entries = sitemap_entries(client)

    assert entries[f"http://testserver{article.get_absolute_url()}"] == today.isoformat()
    assert not any("a-draft" in url or "scheduled" in url for url in entries)
    for page in ["/", "/articles/", "/triage/", "/es/", "/es/articles/"]:
        assert f"http://testserver{page}" in entries
    shipped = Article.objects.published().count()
    site_pages = SitePage.objects.count()  # about, privacy, accessibility in both languages
    assert len(entries) == shipped + 5 + site_pages


def test_lastmod_is_the_later_of_review_and_update(client, make_article):
    article = make_article(last_reviewed=timezone.localdate() - datetime.timedelta(days=100))

    lastmod = sitemap_entries(client)[f"http://testserver{article.get_absolute_url()}"]

    assert lastmod == article.updated_at.date().isoformat()


def test_robots_names_the_sitemap_and_keeps_private_pages_out(client, db):
    response = client.get("/robots.txt")
    with translation.override("es"):
        spanish_search = reverse("education:search")

    lines = response.content.decode().splitlines()
    assert response["Content-Type"] == "text/plain"
    assert "Disallow: /triage/result/" in lines
    assert "Disallow: /search/" in lines
    # The Spanish results and search have addresses of their own.
    assert "Disallow: /es/evaluador/resultado/" in lines
    assert f"Disallow: {spanish_search}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines


def test_robots_does_not_give_the_admin_address_away(client, db):
    text = client.get("/robots.txt").content.decode()

    assert "/admin" not in text


@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/admin/no-such-page/"])
def test_admin_responses_ask_not_to_be_indexed(client, db, path):
    response = client.get(path)

    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_public_pages_may_be_indexed(client, db):
    response = client.get("/")

    assert "X-Robots-Tag" not in response


def test_the_sitemap_makes_one_query_for_each_kind_of_page(client, db, django_assert_num_queries):
    # The articles' count (the sitemap's pages) and rows, and the site pages in both languages.
    with django_assert_num_queries(3):
        assert client.get("/sitemap.xml").status_code == 200
