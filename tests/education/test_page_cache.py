"""Public pages are cached for anonymous wsgi_gets and refreshed the moment content changes.

Pages are read through the real WSGI application of cramps_site/wsgi.py (the wsgi_get
fixture), whose wrapper serves stored pages, as gunicorn would call it.
"""

import datetime

from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone

from education.models import Article
from tests.support.admin_forms import submit
from tests.support.editorial_steps import decide, submit_for_review


def test_a_stored_page_is_served_without_django_or_the_database(
    wsgi_get, make_article, django_assert_num_queries
):
    article = make_article(title="Stored")
    wsgi_get(article.get_absolute_url())  # the first wsgi_get fills the cache

    with django_assert_num_queries(0):
        response = wsgi_get(article.get_absolute_url())

    assert response.status == 200 and "Stored" in response.text()
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert int(response.headers["Content-Length"]) == len(response.content)


def test_an_approved_change_shows_at_once(wsgi_get, admin_client, reviewer_client, make_article):
    article = make_article(title="Before")
    assert "Before" in wsgi_get(article.get_absolute_url()).text()
    assert "Before" in wsgi_get("/").text()
    submit(admin_client, f"/admin/education/article/{article.pk}/change/", title="After")
    submit_for_review(admin_client, article)
    assert "Before" in wsgi_get(article.get_absolute_url()).text()  # a draft changes nothing

    decide(reviewer_client, article, "approve")

    assert "<h1>After</h1>" in wsgi_get(article.get_absolute_url()).text()
    assert "After" in wsgi_get("/").text()


def test_unpublishing_and_deleting_show_at_once(wsgi_get, make_article):
    article = make_article(title="Soon gone")
    wsgi_get("/articles/")
    wsgi_get(article.get_absolute_url())

    article.status = Article.Status.DRAFT
    article.save()
    assert "Soon gone" not in wsgi_get("/articles/").text()
    assert wsgi_get(article.get_absolute_url()).status == 404

    article.delete()
    assert wsgi_get(article.get_absolute_url()).status == 404


def test_a_source_change_shows_at_once(wsgi_get, make_article):
    article = make_article()
    wsgi_get(article.get_absolute_url())

    article.sources.create(title="A new source", accessed="2026-11-01")

    assert "A new source" in wsgi_get(article.get_absolute_url()).text()


def test_the_cache_keeps_a_page_no_longer_than_the_next_scheduled_publish(make_article):
    from education.caching import MAX_SECONDS, seconds_to_keep

    assert seconds_to_keep() == MAX_SECONDS
    make_article(publish_at=timezone.now() + datetime.timedelta(seconds=90))

    assert 85 <= seconds_to_keep() <= 90


def test_staff_and_previews_are_never_served_from_or_stored_in_the_cache(
    client, editor, wsgi_get, make_article, settings
):
    draft = make_article(status=Article.Status.DRAFT, title="Draft words")
    client.force_login(editor)
    assert client.get(draft.get_absolute_url()).status_code == 200
    client.get("/")
    session = f"{settings.SESSION_COOKIE_NAME}={client.session.session_key}"

    assert wsgi_get(draft.get_absolute_url()).status == 404
    assert "Draft words" not in wsgi_get("/").text()
    assert wsgi_get(draft.get_absolute_url(), cookie=session).status == 200


def test_junk_query_strings_are_never_stored(wsgi_get, db, django_assert_num_queries):
    """Endless junk addresses must not fill the cache: they are rendered every time."""
    wsgi_get("/?utm_source=x")

    with django_assert_num_queries(1):  # the article list, rendered afresh
        assert wsgi_get("/?utm_source=x").status == 200


def stored_page(path, **headers):
    from cramps_site.page_cache import page_key

    return cache.get(page_key(RequestFactory().get(path, headers=headers).environ))


def test_page_numbers_that_do_not_exist_are_never_stored(wsgi_get, no_articles, make_article):
    make_article()  # one page of articles

    for junk in ["2", "99999", "0", "01"]:
        assert wsgi_get(f"/articles/?page={junk}").status == 302

        assert stored_page(f"/articles/?page={junk}") is None, junk
    assert wsgi_get("/articles/?page=1").status == 200
    assert stored_page("/articles/?page=1")


def test_a_page_number_on_a_page_without_pages_is_never_stored(wsgi_get, make_article):
    article = make_article()

    for url in ["/?page=2", f"{article.get_absolute_url()}?page=2"]:
        assert wsgi_get(url).status == 200

        assert stored_page(url) is None, url


def test_any_allowed_host_and_port_shares_one_stored_copy(wsgi_get, db, django_assert_num_queries):
    wsgi_get("/articles/")

    with django_assert_num_queries(0):
        response = wsgi_get("/articles/", host="testserver:8443")

    assert response.status == 200 and "8443" not in response.text()


def test_refused_hosts_never_get_a_stored_page(wsgi_get, db):
    wsgi_get("/")

    assert wsgi_get("/", host="evil.example").status == 400


def test_compressed_and_plain_copies_are_kept_apart(wsgi_get, make_article):
    article = make_article(title="Squeezed")
    url = article.get_absolute_url()
    wsgi_get(url, accept_encoding="gzip")
    wsgi_get(url)

    zipped = wsgi_get(url, accept_encoding="gzip")
    plain = wsgi_get(url)

    assert zipped.headers["Content-Encoding"] == "gzip" and "Squeezed" in zipped.text()
    assert "Content-Encoding" not in plain.headers and "Squeezed" in plain.text()


def test_plain_http_never_gets_a_stored_page_when_https_is_required(db, settings):
    from cramps_site.page_cache import page_key

    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    factory = RequestFactory()

    assert page_key(factory.get("/").environ) is None
    assert page_key(factory.get("/", headers={"x-forwarded-proto": "https"}).environ)


def test_a_private_page_is_never_stored_even_without_a_session(rf, make_article):
    from education.views import article_detail

    draft = make_article(status=Article.Status.DRAFT)
    request = rf.get(draft.get_absolute_url())
    request.user = type("Staff", (), {"is_staff": True})()

    response = article_detail(request, draft.slug)

    assert response.status_code == 200 and not hasattr(response, "page_cache_seconds")


def test_a_miss_works_out_its_key_once(wsgi_get, make_article, monkeypatch):
    from cramps_site import page_cache as caching

    calls = []
    real_page_key = caching.page_key
    monkeypatch.setattr(
        caching, "page_key", lambda environ: calls.append(1) or real_page_key(environ)
    )
    article = make_article()

    first = wsgi_get(article.get_absolute_url())
    second = wsgi_get(article.get_absolute_url())

    assert first.status == second.status == 200
    assert len(calls) == 2  # one for the miss (wrapper and middleware share it), one for the hit


def test_a_change_made_on_another_server_is_served_within_the_staleness_bound(
    wsgi_get, make_article, monkeypatch
):
    from cramps_site import page_cache

    clock = [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: clock[0])
    article = make_article(title="Before")
    wsgi_get(article.get_absolute_url())
    # Another server changes the article: its rows and the shared version, not this process.
    Article.objects.filter(pk=article.pk).update(title="After")
    cache.incr(page_cache.VERSION_KEY)

    clock[0] += page_cache.VERSION_RECHECK_SECONDS / 2
    assert "<h1>Before</h1>" in wsgi_get(article.get_absolute_url()).text()

    clock[0] += page_cache.VERSION_RECHECK_SECONDS / 2
    assert "<h1>After</h1>" in wsgi_get(article.get_absolute_url()).text()


def test_a_stored_page_is_served_from_this_process_without_a_cache_read(
    wsgi_get, make_article, monkeypatch
):
    from cramps_site import page_cache

    class CountingCache:
        def get(self, *args):
            reads.append(args)
            return cache.get(*args)

    article = make_article()
    wsgi_get(article.get_absolute_url())
    reads = []
    monkeypatch.setattr(page_cache, "cache", CountingCache())

    assert wsgi_get(article.get_absolute_url()).status == 200
    assert reads == []


# An address the page cache never keeps, so the page is rendered for each request from the
# parts kept per content version (cramps_site.page_cache.per_version).
UNCACHED = "?utm_source=newsletter"


def test_an_approved_change_shows_at_once_on_a_page_rendered_afresh(
    wsgi_get, admin_client, reviewer_client, make_article
):
    related = make_article(title="Related before", slug="related")
    article = make_article(title="Before")
    article.related.add(related)
    url = article.get_absolute_url() + UNCACHED
    assert "<h1>Before</h1>" in wsgi_get(url).text()

    for changed, title in ((article, "After"), (related, "Related after")):
        submit(admin_client, f"/admin/education/article/{changed.pk}/change/", title=title)
        submit_for_review(admin_client, changed)
        decide(reviewer_client, changed, "approve")

    page = wsgi_get(url).text()
    assert "<h1>After</h1>" in page and "Related after" in page


def test_a_sign_off_shows_at_once_on_a_page_rendered_afresh(
    wsgi_get, reviewer_client, make_article
):
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    article = make_article(last_reviewed=long_ago, next_review_due=long_ago)
    url = article.get_absolute_url() + UNCACHED
    assert f"{long_ago:%Y-%m-%d}" in wsgi_get(url).text()

    decide(reviewer_client, article, "no_changes")

    page = wsgi_get(url).text()
    assert f'Page last reviewed: <time datetime="{timezone.localdate():%Y-%m-%d}">' in page
    assert "Reviewed by Test Reviewer, General practitioner" in page


def test_a_draft_preview_leaves_nothing_behind_for_readers(wsgi_get, admin_client, make_article):
    article = make_article(title="Approved words")
    url = article.get_absolute_url() + UNCACHED
    wsgi_get(url)
    submit(admin_client, f"/admin/education/article/{article.pk}/change/", title="Draft words")

    preview = admin_client.get(f"/admin/education/article/{article.pk}/preview/")

    assert "<h1>Draft words</h1>" in preview.content.decode()
    for address in (url, article.get_absolute_url()):
        page = wsgi_get(address).text()
        assert "<h1>Approved words</h1>" in page and "Draft words" not in page


def test_per_version_keeps_the_most_recently_used_things(db, monkeypatch):
    from cramps_site import page_cache

    monkeypatch.setattr(page_cache, "LOCAL_BUILT_LIMIT", 2)
    builds = []

    def use(name):
        return page_cache.per_version(name, lambda: builds.append(name) or name.upper())

    assert [use("a"), use("b"), use("a")] == ["A", "B", "A"]
    use("c")  # one too many: b, the least recently used, goes
    use("a")
    use("b")

    assert builds == ["a", "b", "c", "b"]


def test_a_lost_content_version_is_never_replaced_by_one_already_used(db):
    from cramps_site import page_cache

    seen = [page_cache.content_version()]
    for _ in range(3):
        page_cache.bump_content_version()
        seen.append(page_cache.content_version())
        cache.delete(page_cache.VERSION_KEY)  # evicted, or the cache server restarted
        page_cache.forget_local_copies()  # another process, looking for the first time
        seen.append(page_cache.content_version())

    assert len(set(seen)) == len(seen), seen


def test_per_version_rebuilds_after_its_keeping_time_without_any_change(db, monkeypatch):
    from cramps_site import page_cache

    clock = [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: clock[0])
    builds = []

    def use():
        return page_cache.per_version("thing", lambda: builds.append(clock[0]) or "built")

    use()
    clock[0] += page_cache.BUILT_KEEP_SECONDS - 1
    use()
    clock[0] += 1
    use()

    assert builds == [1000.0, 1000.0 + page_cache.BUILT_KEEP_SECONDS]


def test_nothing_found_is_not_kept_so_guessed_addresses_push_nothing_out(db, monkeypatch):
    from cramps_site import page_cache

    monkeypatch.setattr(page_cache, "LOCAL_BUILT_LIMIT", 1)
    builds = []
    page_cache.per_version("questionnaire", lambda: builds.append("questionnaire") or "kept")

    for guess in ("no-such-article", "another-guess"):
        assert page_cache.per_version(guess, lambda: None) is None

    assert page_cache.per_version("questionnaire", lambda: builds.append("again")) == "kept"
    assert builds == ["questionnaire"]


def test_a_session_cookie_after_one_a_parser_stops_at_still_counts(db):
    from cramps_site.page_cache import page_key

    factory = RequestFactory()
    for cookies in ["foo; sessionid=abc", 'a="b; sessionid=abc', "x=1;sessionid=abc"]:
        assert page_key(factory.get("/", headers={"cookie": cookies}).environ) is None, cookies
    assert page_key(factory.get("/", headers={"cookie": "theme=dark"}).environ)


def test_no_admin_address_is_ever_stored(db):
    from cramps_site.page_cache import page_key

    assert page_key(RequestFactory().get("/admin/education/article/1/preview/").environ) is None


def test_a_response_that_says_private_is_not_stored(rf):
    from django.http import HttpResponse

    from cramps_site.page_cache import PageCacheMiddleware

    def view_saying(cache_control):
        response = HttpResponse("mine")
        response["Cache-Control"] = cache_control
        response.page_cache_seconds = 60
        return lambda request: response

    for cache_control in ["private", "no-store", "max-age=60, Private"]:
        PageCacheMiddleware(view_saying(cache_control))(rf.get("/"))

        assert stored_page("/") is None, cache_control
    PageCacheMiddleware(view_saying("max-age=60"))(rf.get("/"))
    assert stored_page("/") is not None


def test_a_preview_of_a_published_article_is_never_stored(admin_client, make_article):
    article = make_article(title="Live words")
    submit(admin_client, f"/admin/education/article/{article.pk}/change/", title="Draft words")

    response = admin_client.get(f"/admin/education/article/{article.pk}/preview/")

    assert "Draft words" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert getattr(response, "page_cache_seconds", None) is None
