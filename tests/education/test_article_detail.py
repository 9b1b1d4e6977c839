import datetime

from django.utils import timezone

from education.models import Article
from tests.support.pages import assert_public_page, parse


def test_reader_sees_a_complete_article_page(client, make_article):
    other = make_article(title="Other article", slug="other")
    article = make_article(title="Cramps explained", summary="All about cramps.")
    article.related.add(other)
    article.sources.create(title="NHS leg cramps", url="https://www.nhs.uk/", accessed="2026-11-02")

    soup = parse(client.get(article.get_absolute_url()))

    assert_public_page(soup)
    assert soup.h1.get_text() == "Cramps explained"
    assert soup.select_one('meta[name="description"]')["content"] == "All about cramps."
    contents = [a.get_text() for a in soup.select("nav.contents a")]
    assert contents == ["First section", "Second section"]
    assert soup.select_one("article .care-card--immediate")
    assert soup.select_one("article .care-card--urgent")
    assert soup.select_one("article .care-card--non-urgent")
    text = soup.get_text(" ")
    assert "Page last reviewed:" in text and "Next review due:" in text
    assert "Reviewed by Dr Test, general practitioner" in text
    assert soup.select_one('.sources a[href="https://www.nhs.uk/"]').get_text() == "NHS leg cramps"
    assert soup.select_one(".related a")["href"] == other.get_absolute_url()
    assert soup.select_one('.checker-link a[href="/triage/"]')


def test_contents_links_point_at_headings_on_the_page(client, make_article):
    article = make_article(body="## Why?\n\ntext\n\n## Why?\n\nagain\n\n## What now\n\nend")

    soup = parse(client.get(article.get_absolute_url()))

    targets = [a["href"] for a in soup.select("nav.contents a")]
    assert targets == ["#why", "#why-2", "#what-now"]
    for target in targets:
        assert soup.select_one(f"article h2{target}")


def test_draft_is_hidden_from_readers(client, reader, make_article):
    draft = make_article(status=Article.Status.DRAFT)

    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(reader)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_scheduled_article_is_hidden_until_its_time(client, make_article, monkeypatch):
    scheduled = make_article(publish_at=timezone.now() + datetime.timedelta(hours=1))

    assert client.get(scheduled.get_absolute_url()).status_code == 404

    # Nothing is saved when the time comes: the clock alone makes the page public.
    later = scheduled.publish_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_a_related_article_is_linked_once_its_time_comes(client, make_article, monkeypatch):
    article = make_article()
    scheduled = make_article(
        slug="coming-soon", publish_at=timezone.now() + datetime.timedelta(hours=1)
    )
    article.related.add(scheduled)

    assert b"coming-soon" not in client.get(article.get_absolute_url()).content

    later = scheduled.publish_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert b"coming-soon" in client.get(article.get_absolute_url()).content


def test_staff_preview_a_draft_with_a_banner_and_no_caching(client, editor, make_article):
    draft = make_article(status=Article.Status.DRAFT, title="Work in progress")
    client.force_login(editor)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert "Preview." in parse(response).select_one(".preview-banner").get_text()
    assert "no-store" in response["Cache-Control"]


def test_published_page_has_no_preview_banner(client, editor, make_article):
    article = make_article()
    client.force_login(editor)

    assert not parse(client.get(article.get_absolute_url())).select_one(".preview-banner")


def test_related_drafts_are_not_linked(client, make_article):
    article = make_article()
    article.related.add(make_article(status=Article.Status.DRAFT, slug="secret-draft"))

    assert b"secret-draft" not in client.get(article.get_absolute_url()).content


def test_unknown_article_is_a_friendly_404(client, db):
    response = client.get("/articles/no-such-article/")

    assert response.status_code == 404
    soup = parse(response)
    assert soup.h1.get_text() == "Page not found"
    assert_public_page(soup)


def test_uncached_article_page_makes_five_queries(
    client, make_article, django_assert_max_num_queries
):
    article = make_article()
    article.related.add(make_article(slug="one"), make_article(slug="two"))
    for n in range(3):
        article.sources.create(title=f"Source {n}", accessed="2026-11-02")

    # The article, its sources, its related articles, its translations, and when the next
    # one goes live.
    with django_assert_max_num_queries(5):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200


def test_article_page_refuses_post(client, make_article):
    assert client.post(make_article().get_absolute_url()).status_code == 405


def test_reader_gets_no_cookie(client, make_article):
    response = client.get(make_article().get_absolute_url())

    assert not response.cookies


def test_an_article_no_clinician_has_reviewed_says_so_and_names_no_one(client, make_article):
    article = make_article(signed_off=False)

    soup = parse(client.get(article.get_absolute_url()))

    review = " ".join(soup.select_one(".review-dates").get_text(" ").split())
    assert "This page has not yet been reviewed by a clinician." in review
    assert "Reviewed by" not in review and "Page last reviewed" not in review
