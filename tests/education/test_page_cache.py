"""Public pages are cached for anonymous readers and refreshed the moment content changes."""

import datetime

from django.utils import timezone

from education.models import Article
from tests.admin_forms import submit
from tests.pages import parse


def title_on(client, url):
    return parse(client.get(url)).h1.get_text()


def test_a_cached_page_makes_no_query(client, make_article, django_assert_num_queries):
    article = make_article()
    client.get(article.get_absolute_url())

    with django_assert_num_queries(0):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200 and "Test article" in response.content.decode()


def test_cached_pages_keep_their_security_headers(client, make_article):
    article = make_article()
    client.get(article.get_absolute_url())

    response = client.get(article.get_absolute_url())

    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["Content-Type"] == "text/html; charset=utf-8"


def test_an_editors_save_shows_at_once(client, admin_client, make_article):
    article = make_article(title="Before")
    assert title_on(client, article.get_absolute_url()) == "Before"

    submit(admin_client, f"/admin/education/article/{article.pk}/change/", title="After")

    assert title_on(client, article.get_absolute_url()) == "After"
    assert "After" in client.get("/").content.decode()


def test_unpublishing_and_deleting_show_at_once(client, make_article):
    article = make_article(title="Soon gone")
    client.get("/articles/")

    article.status = Article.Status.DRAFT
    article.save()
    assert "Soon gone" not in client.get("/articles/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 404

    article.delete()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_source_change_shows_at_once(client, make_article):
    article = make_article()
    client.get(article.get_absolute_url())

    article.sources.create(title="A new source", accessed="2026-11-01")

    assert "A new source" in client.get(article.get_absolute_url()).content.decode()


def test_the_cache_keeps_a_page_no_longer_than_the_next_scheduled_publish(make_article):
    from education.caching import MAX_SECONDS, seconds_to_keep

    assert seconds_to_keep() == MAX_SECONDS
    make_article(publish_at=timezone.now() + datetime.timedelta(seconds=90))

    assert 85 <= seconds_to_keep() <= 90


def test_staff_and_previews_are_never_cached(client, editor, make_article):
    draft = make_article(status=Article.Status.DRAFT, title="Draft words")
    client.force_login(editor)
    client.get(draft.get_absolute_url())
    client.get("/")

    reader = client.__class__()
    assert reader.get(draft.get_absolute_url()).status_code == 404
    assert "Draft words" not in reader.get("/").content.decode()


def test_junk_query_strings_bypass_the_cache(client, db, django_assert_num_queries):
    """Endless junk URLs must not fill the cache: they are rendered, never stored."""
    client.get("/?utm_source=x")

    with django_assert_num_queries(1):  # the article list, rendered afresh
        assert client.get("/?utm_source=x").status_code == 200


def test_compressed_and_plain_copies_are_kept_apart(client, make_article):
    import gzip

    article = make_article(title="Squeezed")
    url = article.get_absolute_url()
    client.get(url, headers={"accept-encoding": "gzip"})
    client.get(url)

    zipped = client.get(url, headers={"accept-encoding": "gzip"})
    plain = client.get(url)

    assert zipped["Content-Encoding"] == "gzip"
    assert b"Squeezed" in gzip.decompress(zipped.content)
    assert "Content-Encoding" not in plain and b"Squeezed" in plain.content
