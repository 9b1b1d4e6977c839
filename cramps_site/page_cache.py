"""Whole-page caching of public pages for anonymous readers: the mechanism.

Views opt in with @public_page (education/caching.py says which views, and for how long a
page may be kept). PageCacheMiddleware, near the top of the middleware list, stores the
finished response: its body and every header the other middleware added, one copy per
content encoding. `serve_cached_pages` wraps the WSGI application (cramps_site/wsgi.py), so a
stored page goes out before Django builds a request: no middleware, no database.

Where pages live: in the shared cache (files, or Redis for several app servers), and a copy
in each worker process, so a hit usually costs no cache read at all.

Freshness: pages are stored under the content version, a number in the shared cache that any
change to the content (articles, site pages, the symptom checker's rows) bumps
(`bump_content_version`); `per_version` keeps other things built from the content the same
way: the questionnaire, an article with its page parts, and (the {% per_version %} template
tag) parts of pages rendered for requests no stored page answers. Writes that are always
rolled back (a draft put in place to preview or save it) bump nothing, and nothing built from
them is kept (`content_unchanged`). A process re-reads that number at most once every
VERSION_RECHECK_SECONDS: a change made in this process is served at once, and one made by
another process or server within about a second. The number is never reused: if the shared
cache loses it (evicted, or a cache server restarted), the next process to look sets a new
one, so nothing kept under an earlier number is taken for current. A page is never kept
longer than its view allows (the next scheduled publication, ten minutes at most), and what
per_version keeps is rebuilt after BUILT_KEEP_SECONDS even if no change was signalled (a row
changed outside Django's signals, say); views decide per request what the clock alone
changes (whether an article is out yet).

The request checks mirror Django's own, so a stored page is served only where Django would
have served the same page: SESSION_COOKIE_NAME (a request that carries it anywhere in its
Cookie header, however the rest of the header is written, goes to Django: staff, previews and
people part-way through the questionnaire), the admin's address (never stored), ALLOWED_HOSTS
(validate_host, as HttpRequest.get_host), SECURE_SSL_REDIRECT with SECURE_PROXY_SSL_HEADER
(SecurityMiddleware's redirect, HttpRequest.is_secure), and STATIC_URL and MEDIA_URL (files
that are served elsewhere). Other methods and query strings go to Django as usual. A response
is stored only if its view marked it public and nothing said otherwise since: a response that
says `private` or `no-store`, or one made for a request marked with `never_store` (a staff
preview of a draft), is never stored.
"""

import collections
import contextlib
import contextvars
import functools
import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http.request import split_domain_port, validate_host

VERSION_KEY = "content-version"
VERSION_RECHECK_SECONDS = 1.0
LOCAL_PAGE_LIMIT = 256
# Things per_version keeps per process (an article's page parts are one each); the least
# recently used goes first, so the questionnaire, used all the time, stays.
LOCAL_BUILT_LIMIT = 512
# The longest per_version keeps a thing, as the longest a stored page is kept.
BUILT_KEEP_SECONDS = 10 * 60
# Headers that belong to one response, not to a stored page.
PER_RESPONSE_HEADERS = {"date", "content-length"}
PAGE_QUERY = re.compile(r"^(page=\d{1,6})?$")
_NOT_BUILT = object()
# Where serve_cached_pages leaves the key it worked out, for the middleware to fill.
KEY_IN_ENVIRON = "cramps.page_key"
# Set on a request whose response must never be stored, whatever its view says (never_store).
NEVER_STORE = "cramps_never_store"
# Cache-Control directives that forbid a shared copy.
PRIVATE_DIRECTIVES = {"private", "no-store"}


class _Local:
    """This process's copy of the content version and of the pages stored under it."""

    version = None
    checked_at = float("-inf")
    pages = {}  # key -> (content, headers, monotonic time it expires)
    # name -> (what per_version built, monotonic time it expires), least recently used first
    built = collections.OrderedDict()


def forget_local_copies():
    """Start again from the shared cache (tests clear it between them)."""
    _Local.version, _Local.checked_at = None, float("-inf")
    _Local.pages, _Local.built = {}, collections.OrderedDict()


def per_version(name, build):
    """What build() returns, made once per content version in this process (the symptom
    checker's questions and rules, an article's page parts), so it is as fresh as the stored
    pages. build() must depend on the content only: never on the request, the user or the
    time of day. Inside content_unchanged it is built afresh and not kept; None (nothing
    found, such as a made-up article address) is never kept, so guesses cannot push out
    what readers use."""
    content_version()
    if _ROLLED_BACK_WRITES.get():
        return build()
    built, now = _Local.built, time.monotonic()
    value, expires = built.pop(name, (_NOT_BUILT, now))
    if value is _NOT_BUILT or now >= expires:
        value, expires = build(), now + BUILT_KEEP_SECONDS
    if value is not None:
        built[name] = (value, expires)  # now the most recently used
        if len(built) > LOCAL_BUILT_LIMIT:
            built.popitem(last=False)
    return value


def content_version():
    now = time.monotonic()
    if now - _Local.checked_at >= VERSION_RECHECK_SECONDS:
        version = cache.get(VERSION_KEY)
        if version is None:
            # Never set, or lost: a number no process has used. Whoever adds first wins.
            fresh = time.time_ns()
            cache.add(VERSION_KEY, fresh, timeout=None)
            version = cache.get(VERSION_KEY) or fresh
        _remember_version(version, now)
    return _Local.version


# Set while content is written only to be rolled back (see content_unchanged).
_ROLLED_BACK_WRITES = contextvars.ContextVar("rolled_back_writes", default=False)


def bump_content_version(**kwargs):
    """Invalidate every stored page now, and again once the change is committed: a worker
    that read the old rows in between may have stored its page under the first new version."""
    if _ROLLED_BACK_WRITES.get():
        return
    _bump()
    transaction.on_commit(_bump)


@contextlib.contextmanager
def content_unchanged():
    """For writes that are always rolled back (a draft put in place to preview or save it):
    readers never see them, so the stored pages stay, and what per_version builds from them
    is never kept."""
    token = _ROLLED_BACK_WRITES.set(True)
    try:
        yield
    finally:
        _ROLLED_BACK_WRITES.reset(token)


def _bump():
    try:
        version = cache.incr(VERSION_KEY)
    except ValueError:  # never set, or lost: a number no process has used
        version = time.time_ns()
        cache.set(VERSION_KEY, version, timeout=None)
    _remember_version(version, time.monotonic())


def _remember_version(version, now):
    if version != _Local.version:
        _Local.pages, _Local.built = {}, collections.OrderedDict()
    _Local.version, _Local.checked_at = version, now


def public_page(view=None, *, paginated=False, keep_for=None):
    """Mark a view's successful pages as the same for every anonymous reader.

    keep_for() says how many seconds a page may be kept. Only the plain address is stored,
    and with paginated=True its ?page=N addresses too: the view must then answer a page
    number it cannot show with a redirect, never a 200, so made-up numbers cannot fill the
    cache.
    """
    if view is None:
        return functools.partial(public_page, paginated=paginated, keep_for=keep_for)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # A page its view marked private (a staff preview) is never stored, whoever asked.
        storable_address = paginated or not request.META.get("QUERY_STRING")
        if response.status_code == 200 and storable(request, response) and storable_address:
            response.page_cache_seconds = keep_for()
        return response

    return wrapper


def never_store(request):
    """Mark a request whose response nobody else may ever get (a staff preview of a draft):
    before any view runs, so no view can mark it public."""
    setattr(request, NEVER_STORE, True)


def storable(request, response):
    """Whether a response may be stored for everyone: its request was not marked
    never_store, and its Cache-Control allows a shared copy."""
    directives = {
        directive.split("=", 1)[0].strip().lower()
        for directive in response.get("Cache-Control", "").split(",")
    }
    return not getattr(request, NEVER_STORE, False) and not directives & PRIVATE_DIRECTIVES


def page_key(environ):
    """The stored page for this request, or None when the request must go to Django."""
    if environ.get("REQUEST_METHOD") != "GET" or not PAGE_QUERY.match(
        environ.get("QUERY_STRING", "")
    ):
        return None
    path = environ.get("PATH_INFO", "")
    if (
        path.startswith((settings.STATIC_URL, settings.MEDIA_URL, f"/{settings.ADMIN_URL}"))
        or _has_session(environ)
        or not _secure_enough(environ)
    ):
        return None
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    if not validate_host(split_domain_port(host)[0], settings.ALLOWED_HOSTS):
        return None
    encoding = "gzip" if "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "") else "identity"
    # Pages name the site by SITE_URL, never by the host asked for, so one copy serves every
    # allowed host and port. Hashed, so a long or odd address still makes a short, safe key.
    where = f"{path}?{environ.get('QUERY_STRING', '')}"
    return f"page:{content_version()}:{encoding}:{hashlib.sha256(where.encode()).hexdigest()}"


def _has_session(environ):
    """Whether the session cookie's name is anywhere in the Cookie header. Deliberately no
    cookie parser: parsers differ on odd headers (one that stops at `foo;` while Django reads
    on), and a request that might have a session must never get, or leave, a stored page."""
    return settings.SESSION_COOKIE_NAME in environ.get("HTTP_COOKIE", "")


def _secure_enough(environ):
    if not settings.SECURE_SSL_REDIRECT:
        return True
    header, value = settings.SECURE_PROXY_SSL_HEADER or (None, None)
    return environ.get("wsgi.url_scheme") == "https" or (header and environ.get(header) == value)


def _keep_locally(key, stored, seconds):
    if len(_Local.pages) >= LOCAL_PAGE_LIMIT:
        _Local.pages = {}
    content, headers = stored
    _Local.pages[key] = (content, headers, time.monotonic() + seconds)


def stored_page(key):
    """(content, headers) of the page stored under key, or None."""
    local = _Local.pages.get(key)
    if local is not None and local[2] > time.monotonic():
        return local[:2]
    stored = cache.get(key)
    if stored is not None:
        # The shared copy may be older; it expires on its own, so a short local life is safe.
        _keep_locally(key, stored, VERSION_RECHECK_SECONDS)
    return stored


class PageCacheMiddleware:
    """Stores the pages views marked cacheable, exactly as they go out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Behind serve_cached_pages the key is already known; without it (tests, ASGI), work it out.
        meta = request.META
        key = meta[KEY_IN_ENVIRON] if KEY_IN_ENVIRON in meta else page_key(meta)
        response = self.get_response(request)
        seconds = getattr(response, "page_cache_seconds", None)
        if (
            key
            and seconds
            and storable(request, response)
            and not response.cookies
            and not response.streaming
        ):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in PER_RESPONSE_HEADERS
            ]
            cache.set(key, (response.content, headers), timeout=seconds)
            _keep_locally(key, (response.content, headers), seconds)
        return response


def serve_cached_pages(application):
    """WSGI wrapper: a stored page goes out before Django builds a request."""

    def cached_or_django(environ, start_response):
        key = environ[KEY_IN_ENVIRON] = page_key(environ)
        stored = stored_page(key) if key else None
        if stored is None:
            return application(environ, start_response)
        content, headers = stored
        start_response("200 OK", [*headers, ("Content-Length", str(len(content)))])
        return [content]

    return cached_or_django
