"""Public pages are cached for anonymous wsgi_gets and refreshed the moment content changes.

Pages are read through the real WSGI application of cramps_site/wsgi.py (the wsgi_get
fixture), whose wrapper serves stored pages, as gunicorn would call it.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone

from education.models import Article
from tests.support.admin_forms import submit
from tests.support.editorial_steps import decide, submit_for_review
from tests.support.pages import WSGIResponse


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


def test_an_approved_change_shows_at_once(
    wsgi_get, admin_client, reviewer_client, make_article, committed
):
    article = make_article(title="Before")
    assert "Before" in wsgi_get(article.get_absolute_url()).text()
    assert "Before" in wsgi_get("/").text()
    submit(admin_client, f"/admin/education/article/{article.pk}/change/", title="After")
    submit_for_review(admin_client, article)
    assert "Before" in wsgi_get(article.get_absolute_url()).text()  # a draft changes nothing

    with committed():
        decide(reviewer_client, article, "approve")

    assert "<h1>After</h1>" in wsgi_get(article.get_absolute_url()).text()
    assert "After" in wsgi_get("/").text()


def test_unpublishing_and_deleting_show_at_once(wsgi_get, make_article, committed):
    article = make_article(title="Soon gone")
    wsgi_get("/articles/")
    wsgi_get(article.get_absolute_url())

    with committed():
        article.status = Article.Status.DRAFT
        article.save()
    assert "Soon gone" not in wsgi_get("/articles/").text()
    assert wsgi_get(article.get_absolute_url()).status == 404

    with committed():
        article.delete()
    assert wsgi_get(article.get_absolute_url()).status == 404


def test_a_source_change_shows_at_once(wsgi_get, make_article, committed):
    article = make_article()
    wsgi_get(article.get_absolute_url())

    with committed():
        article.sources.create(title="A new source", accessed="2026-11-01")

    assert "A new source" in wsgi_get(article.get_absolute_url()).text()


def test_a_change_rolled_back_never_reaches_readers(wsgi_get, make_article):
    article = make_article(title="Approved words")
    wsgi_get(article.get_absolute_url())

    with transaction.atomic():
        article.title = "Words never committed"
        article.save()
        transaction.set_rollback(True)

    page = wsgi_get(article.get_absolute_url()).text()
    assert "<h1>Approved words</h1>" in page


READERS_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=60"


def test_readers_pages_say_how_long_a_cdn_may_keep_them(wsgi_get, make_article):
    article = make_article()

    for url in ["/", "/articles/", article.get_absolute_url(), "/about/"]:
        response = wsgi_get(url)
        assert response.status == 200, url
        assert response.headers["Cache-Control"] == READERS_CACHE_CONTROL, url


@pytest.mark.parametrize(
    "goes_live_in, fresh, stale", [(30, (25, 30), None), (90, (60, 60), (25, 30))]
)
def test_no_page_is_kept_past_the_next_scheduled_publication(
    wsgi_get, make_article, goes_live_in, fresh, stale
):
    make_article(publish_at=timezone.now() + datetime.timedelta(seconds=goes_live_in))

    control = wsgi_get("/articles/").headers["Cache-Control"]

    shared_for = re.search(r"s-maxage=(\d+)", control).group(1)
    assert fresh[0] <= int(shared_for) <= fresh[1]
    rebuilt_for = re.search(r"stale-while-revalidate=(\d+)", control)
    assert (rebuilt_for is None) if stale is None else stale[0] <= int(rebuilt_for[1]) <= stale[1]


def test_searches_and_the_questionnaire_are_never_kept(wsgi_get, db):
    for url in ["/search/?q=cramp", "/triage/", "/triage/serious-symptoms/"]:
        response = wsgi_get(url)
        assert "no-store" in response.headers["Cache-Control"], url
        assert stored_page(url) is None, url


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
    wsgi_get("/?x=1")

    with django_assert_num_queries(1):  # the article list, rendered afresh
        assert wsgi_get("/?x=1").status == 200


@pytest.mark.parametrize(
    "address",
    [
        "?utm_source=newsletter&utm_medium=email",
        "?fbclid=IwAR0abc",
        "?gclid=Cj0KCQ&UTM_CAMPAIGN=spring",
    ],
)
def test_a_link_with_campaign_tags_or_click_ids_gets_the_stored_page(
    wsgi_get, make_article, django_assert_num_queries, address
):
    article = make_article(title="Shared widely")
    plain = wsgi_get(article.get_absolute_url())

    with django_assert_num_queries(0):
        tagged = wsgi_get(article.get_absolute_url() + address)

    assert tagged.status == 200 and tagged.content == plain.content
    assert tagged.headers["Cache-Control"] == READERS_CACHE_CONTROL


def test_a_tagged_link_to_a_later_page_of_the_list_shares_that_page(wsgi_get, make_article):
    from education.views import ARTICLES_PER_PAGE

    for number in range(ARTICLES_PER_PAGE + 1):
        make_article(title=f"Article {number}")

    assert wsgi_get("/articles/?fbclid=abc&page=2").status == 200
    assert stored_page("/articles/?page=2") is not None


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


@pytest.mark.parametrize(
    "cookie",
    ["{name}={key}", "theme=dark; {name}={key}", "theme=dark;{name}={key}; lang=en"],
)
def test_a_request_carrying_a_session_cookie_in_any_form_is_never_stored(
    client, editor, wsgi_get, make_article, settings, cookie
):
    article = make_article(title="Shared words")
    client.force_login(editor)
    cookie = cookie.format(name=settings.SESSION_COOKIE_NAME, key=client.session.session_key)

    response = wsgi_get(article.get_absolute_url(), cookie=cookie)

    assert response.status == 200 and "public" not in response.headers["Cache-Control"]
    assert stored_page(article.get_absolute_url()) is None
    wsgi_get(article.get_absolute_url())  # without the cookie: stored
    assert stored_page(article.get_absolute_url()) is not None


def test_admin_pages_are_never_stored(wsgi_get, db):
    assert wsgi_get("/admin/login/").status == 200

    assert stored_page("/admin/login/") is None


def only_if_shared(*headers, status="200 OK"):
    """A WSGI application answering with these headers, counting its calls."""

    def application(environ, start_response):
        application.calls += 1
        start_response(status, [("Content-Type", "text/plain"), *headers])
        return [b"page"]

    application.calls = 0
    return application


@pytest.mark.parametrize(
    "headers, status",
    [
        ([("Cache-Control", "private, max-age=60")], "200 OK"),
        ([("Cache-Control", "public, no-store, max-age=60")], "200 OK"),
        ([("Cache-Control", "public, no-cache, max-age=60")], "200 OK"),
        ([("Cache-Control", "public")], "200 OK"),
        ([("Cache-Control", "public, s-maxage=0")], "200 OK"),
        ([("Cache-Control", "public, s-maxage=0, stale-while-revalidate=60")], "200 OK"),
        ([("Cache-Control", "public, max-age=60"), ("Set-Cookie", "a=b")], "200 OK"),
        ([("Cache-Control", "public, max-age=60")], "404 Not Found"),
        ([], "200 OK"),
    ],
)
def test_only_a_200_marked_public_with_a_max_age_and_no_cookie_is_stored(db, headers, status):
    from cramps_site.page_cache import serve_stored_pages

    application = only_if_shared(*headers, status=status)
    served = serve_stored_pages(application)
    environ = RequestFactory().get("/shared/").environ

    WSGIResponse(served, environ)
    WSGIResponse(served, environ)

    assert application.calls == 2


@pytest.mark.parametrize("control", ["public, max-age=60", "public, max-age=0, s-maxage=60"])
def test_a_200_marked_public_is_stored_for_its_shared_lifetime(db, control):
    from cramps_site.page_cache import serve_stored_pages

    application = only_if_shared(("Cache-Control", control))
    served = serve_stored_pages(application)
    environ = RequestFactory().get("/shared/").environ

    first, second = WSGIResponse(served, environ), WSGIResponse(served, environ)

    assert application.calls == 1 and first.content == second.content == b"page"


SHARED_FOR_A_MINUTE = ("Cache-Control", "public, s-maxage=60, stale-while-revalidate=60")


@pytest.fixture
def clock(monkeypatch):
    """The wall clock the stored pages' lifetimes are read on, moved by the test (the cache
    backend keeps its own, so what it holds stays there)."""
    from cramps_site import page_cache

    now = [page_cache.wall_clock()]
    monkeypatch.setattr(page_cache, "wall_clock", lambda: now[0])
    return now


class RebuiltWhileAnotherReaderAsks:
    """A WSGI application behind the page cache, numbering the pages it builds: while it
    builds the second, another reader asks for the same address (as on another worker), and
    gets `meanwhile`."""

    def __init__(self):
        from cramps_site.page_cache import serve_stored_pages

        self.calls, self.meanwhile = 0, None
        self.served = serve_stored_pages(self)
        self.environ = RequestFactory().get("/shared/").environ

    def __call__(self, environ, start_response):
        self.calls += 1
        if self.calls == 2:
            self.meanwhile = self.get()
        start_response("200 OK", [("Content-Type", "text/plain"), SHARED_FOR_A_MINUTE])
        return [f"page {self.calls}".encode()]

    def get(self):
        return WSGIResponse(self.served, self.environ).content


@pytest.mark.parametrize("process_seconds", [0, 1])
def test_an_expired_page_is_rebuilt_once_while_other_readers_get_it_as_it_was(
    db, clock, settings, process_seconds
):
    settings.PAGE_CACHE_PROCESS_SECONDS = process_seconds  # with each worker's copy too
    site = RebuiltWhileAnotherReaderAsks()
    assert site.get() == b"page 1"

    clock[0] += 61  # its minute is up
    assert site.get() == b"page 2"  # this reader's request rebuilds it

    assert site.meanwhile == b"page 1" and site.calls == 2
    assert site.get() == b"page 2" and site.calls == 2  # stored again


def test_a_page_is_never_served_past_its_rebuild_seconds(db, clock):
    site = RebuiltWhileAnotherReaderAsks()
    site.get()

    clock[0] += 121  # both minutes are up
    site.get()

    assert site.meanwhile == b"page 3"  # the other reader's page was built too


def test_a_page_of_an_earlier_generation_is_never_served_while_it_is_rebuilt(db, clock):
    from common import content_generation

    site = RebuiltWhileAnotherReaderAsks()
    site.get()

    clock[0] += 61
    content_generation.new_generation()
    site.get()

    assert site.meanwhile == b"page 3"


def test_a_rebuild_that_fails_leaves_the_next_request_to_rebuild(db, clock):
    from cramps_site.page_cache import serve_stored_pages

    def application(environ, start_response):
        application.calls += 1
        if application.calls == 2:
            raise RuntimeError("the database went away")
        failed = application.calls == 3
        start_response("500 Internal Server Error" if failed else "200 OK", [SHARED_FOR_A_MINUTE])
        return [f"page {application.calls}".encode()]

    application.calls = 0
    served = serve_stored_pages(application)
    environ = RequestFactory().get("/shared/").environ
    WSGIResponse(served, environ)

    clock[0] += 61
    with pytest.raises(RuntimeError):
        WSGIResponse(served, environ)
    failed, retried = WSGIResponse(served, environ), WSGIResponse(served, environ)

    assert failed.status == 500 and retried.content == b"page 4"


def test_a_stored_page_says_how_old_it_is(db, clock):
    site = RebuiltWhileAnotherReaderAsks()
    site.get()

    clock[0] += 30
    response = WSGIResponse(site.served, site.environ)

    assert response.headers["Age"] == "30" and site.calls == 1


def test_a_page_kept_by_another_version_of_the_site_is_built_afresh(db):
    from common.content_generation import current_generation
    from cramps_site.page_cache import page_key

    site = RebuiltWhileAnotherReaderAsks()
    cache.set(page_key(site.environ), (current_generation(), b"older", []), timeout=60)

    assert site.get() == b"page 1"


# An address the page cache never stores, so the page is built for each request.
UNCACHED = "?unknown=1"


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


def test_a_change_counts_for_readers_when_it_commits(
    wsgi_get, make_article, django_capture_on_commit_callbacks
):
    article = make_article(title="Before")
    wsgi_get(article.get_absolute_url())
    with django_capture_on_commit_callbacks() as waiting_for_commit:
        article.title = "After"
        article.save()
    assert "<h1>Before</h1>" in wsgi_get(article.get_absolute_url()).text()  # not yet

    for callback in waiting_for_commit:  # the transaction commits
        callback()

    assert "<h1>After</h1>" in wsgi_get(article.get_absolute_url()).text()


@pytest.fixture
def process_copy(settings, monkeypatch):
    """Each worker's copy of the generation and pages turned on, on a clock the test moves."""
    from cramps_site import page_cache

    settings.PAGE_CACHE_PROCESS_SECONDS = 1
    clock = [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(page_cache.ProcessCopy, "read_at", float("-inf"))
    monkeypatch.setattr(page_cache.ProcessCopy, "pages", {})
    return clock


def test_a_change_made_by_another_server_is_served_within_a_second(
    wsgi_get, make_article, process_copy, django_assert_num_queries
):
    from common import content_generation

    article = make_article(title="Before")
    wsgi_get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(title="After")
    content_generation.new_generation()  # as another server's commit does,
    content_generation.changed_here_at = float("-inf")  # unheard of in this process

    process_copy[0] += 0.5
    with django_assert_num_queries(0):
        assert "<h1>Before</h1>" in wsgi_get(article.get_absolute_url()).text()
    process_copy[0] += 0.6
    assert "<h1>After</h1>" in wsgi_get(article.get_absolute_url()).text()


def test_a_change_committed_in_this_process_is_served_at_once(
    wsgi_get, make_article, process_copy, committed
):
    article = make_article(title="Before")
    wsgi_get(article.get_absolute_url())

    with committed():
        article.title = "After"
        article.save()

    assert "<h1>After</h1>" in wsgi_get(article.get_absolute_url()).text()


def test_a_session_cookie_after_one_a_parser_stops_at_still_counts(db):
    from cramps_site.page_cache import page_key

    factory = RequestFactory()
    for cookies in ["foo; sessionid=abc", 'a="b; sessionid=abc', "x=1;sessionid=abc"]:
        assert page_key(factory.get("/", headers={"cookie": cookies}).environ) is None, cookies
    assert page_key(factory.get("/", headers={"cookie": "theme=dark"}).environ)


def test_a_preview_of_a_published_article_is_never_stored(admin_client, make_article):
    article = make_article(title="Live words")
    submit(admin_client, f"/admin/education/article/{article.pk}/change/", title="Draft words")

    response = admin_client.get(f"/admin/education/article/{article.pk}/preview/")

    assert "Draft words" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
