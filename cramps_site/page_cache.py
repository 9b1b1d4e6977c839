"""The page cache: whole reading pages for anonymous readers, kept in the shared cache.

A view says its page is the same for every reader with `Cache-Control: public` and a
lifetime for shared caches, `s-maxage=N` (education/caching.py): the same header lets a CDN
or a reverse proxy keep it (docs/deploy.md). `serve_stored_pages` wraps the WSGI application
(cramps_site/wsgi.py): it keeps such a response for N seconds, and answers the same address
from the store without building a request, running middleware or touching the database.

Freshness: each stored page carries the content generation it was built under
(common/content_generation.py), which changes once any change to the content commits; a
page from an earlier generation is never served. Its lifetime bounds everything else (an
article going live on schedule, a change the cache could not be told about while down).

Never stored or served from the store: anything but a GET of a plain address (or `?page=N`;
campaign tags and click ids do not count, common/query_strings.py),
a request carrying the session cookie in any form (staff, previews, people part-way through
the questionnaire), an admin, static or media address, a host Django would refuse, plain HTTP
when HTTPS is required, and any response that is not a 200 marked `public` with a lifetime,
is marked `private`, `no-store` or `no-cache`, or sets a cookie.

When a stored page's lifetime runs out, the first request to find it so rebuilds it, and for
the `stale-while-revalidate=N` seconds the view allows (RFC 5861, as a CDN reads it) every
other request meanwhile gets the page as it was (same generation, so nothing changed but the
clock): one worker rebuilds instead of all of them at once under load. A page is never
served stale past those seconds, nor once the generation has changed.

Each worker trusts its own copy of the generation and of the pages it served for
PAGE_CACHE_PROCESS_SECONDS (one by default; ProcessCopy), so a change committed on another
server reaches it within that time, and one committed in this process at once.

With the shared cache unreachable every request goes to Django (docs/caching.md).
"""

import hashlib
import math
import re
import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.http import parse_cookie
from django.http.request import split_domain_port, validate_host

from common import content_generation
from common.content_generation import GENERATION_KEY, current_generation
from common.query_strings import without_tracking

PAGE_QUERY = re.compile(r"^(page=\d{1,6})?$")
# Headers that belong to one response, not to a stored page.
PER_RESPONSE_HEADERS = {"date", "content-length", "age"}
NEVER_SHARED = {"private", "no-store", "no-cache"}
# The clock stored pages' lifetimes are read on: every worker and server shares it.
wall_clock = time.time


class StoredPage(NamedTuple):
    """A page as kept in the shared cache: there as a plain tuple, which any version of this
    code can unpickle. Its key names the shape (page_key's "v2"): change both together."""

    generation: str
    content: bytes
    headers: list
    stored_at: float
    fresh_until: float
    stale_until: float  # after fresh_until, served only while another request rebuilds it

    @classmethod
    def read(cls, kept, now):
        """The page kept under a key, or None if there is none or its time is over."""
        if not isinstance(kept, tuple) or len(kept) != len(cls._fields):
            return None
        page = cls._make(kept)
        return page if now < page.stale_until else None

    def is_fresh(self, now):
        return now < self.fresh_until


class ProcessCopy:
    """This worker's copy of the content generation and of the stored pages it served, trusted
    for settings.PAGE_CACHE_PROCESS_SECONDS: a stored page then costs no cache read at all
    (bench/RESULTS.md shows the cached article with and without it). 0 turns it off."""

    generation = None
    read_at = float("-inf")
    pages = {}  # key -> (StoredPage, monotonic time this copy expires)

    @classmethod
    def trusted(cls, now):
        fresh = now - cls.read_at < settings.PAGE_CACHE_PROCESS_SECONDS
        return fresh and cls.read_at > content_generation.changed_here_at

    @classmethod
    def remember_generation(cls, generation, now):
        if generation != cls.generation:
            cls.pages = {}
        cls.generation, cls.read_at = generation, now

    @classmethod
    def keep(cls, key, stored, now):
        """Copy a fresh page, for no longer than it stays fresh."""
        seconds = min(stored.fresh_until - wall_clock(), settings.PAGE_CACHE_PROCESS_SECONDS)
        if seconds <= 0:
            return
        if len(cls.pages) >= PROCESS_PAGE_LIMIT:
            cls.pages = {}
        cls.pages[key] = (stored, now + seconds)


PROCESS_PAGE_LIMIT = 256


def serve_stored_pages(application):
    """WSGI wrapper: a stored page goes out at once; a public page is stored on its way out."""

    def stored_or_django(environ, start_response):
        key = page_key(environ)
        if key is None:
            return application(environ, start_response)
        generation, stored = _generation_and_stored_page(key)
        current = stored is not None and generation is not None and stored.generation == generation
        if current and stored.is_fresh(wall_clock()):
            return _serve(stored, start_response)
        if current and not _claim_rebuild(key, stored):
            return _serve(stored, start_response)  # as it was, while another request rebuilds it
        # The generation was read before the page is built, so a change committed meanwhile
        # outdates the page.
        try:
            return _build_and_store(application, environ, start_response, key, generation)
        finally:
            if current:
                cache.delete(_rebuild_key(key))  # rebuilt or not, the next request may try

    return stored_or_django


def _serve(stored, start_response):
    # Age: a CDN in front counts the page's lifetime from when it was built, not from now.
    age = max(0, int(wall_clock() - stored.stored_at))
    length = str(len(stored.content))
    start_response("200 OK", [*stored.headers, ("Age", str(age)), ("Content-Length", length)])
    return [stored.content]


def _claim_rebuild(key, stale):
    """True for the one request that rebuilds a stale page (the others keep serving it)."""
    seconds = max(1, math.ceil(stale.stale_until - wall_clock()))
    return cache.add(_rebuild_key(key), True, timeout=seconds)


def _rebuild_key(key):
    return f"{key}:rebuilding"


def _generation_and_stored_page(key):
    now = time.monotonic()
    if ProcessCopy.trusted(now):
        copied = ProcessCopy.pages.get(key)
        if copied is not None and copied[1] > now:
            return ProcessCopy.generation, copied[0]
        generation, stored = ProcessCopy.generation, cache.get(key)
    else:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or current_generation()
        stored = found.get(key)
        ProcessCopy.remember_generation(generation, now)
    stored = StoredPage.read(stored, wall_clock())
    if stored is None:
        return generation, None
    if stored.generation == generation:
        ProcessCopy.keep(key, stored, now)
    return generation, stored


def _build_and_store(application, environ, start_response, key, generation):
    started = []

    def remember_start(status, headers, *exc_info):
        started[:] = [status, headers]
        return start_response(status, headers, *exc_info)

    result = application(environ, remember_start)
    lifetime = _lifetime(*started) if generation is not None and started else None
    if not lifetime:
        return result
    try:
        content = b"".join(result)
    finally:
        getattr(result, "close", lambda: None)()
    _, headers = started
    headers = [(name, value) for name, value in headers if name.lower() not in PER_RESPONSE_HEADERS]
    fresh, stale = lifetime
    now = wall_clock()
    stored = StoredPage(generation, content, headers, now, now + fresh, now + fresh + stale)
    cache.set(key, tuple(stored), timeout=fresh + stale)
    ProcessCopy.keep(key, stored, time.monotonic())
    return [content]


def _lifetime(status, headers):
    """How many seconds a response may be shared with every reader, and for how many more it
    may be served while it is rebuilt: None if it may not be shared at all."""
    if not status.startswith("200 "):
        return None
    if any(name.lower() == "set-cookie" for name, _ in headers):
        return None
    control = ",".join(value for name, value in headers if name.lower() == "cache-control")
    parts = (part.partition("=") for part in control.split(","))
    directives = {name.strip().lower(): value.strip() for name, _, value in parts}
    if "public" not in directives or NEVER_SHARED & directives.keys():
        return None
    # As a shared cache: s-maxage when given, else max-age.
    fresh = directives.get("s-maxage", directives.get("max-age", ""))
    stale = directives.get("stale-while-revalidate", "")
    if not fresh.isdigit() or int(fresh) == 0:
        return None
    return int(fresh), int(stale) if stale.isdigit() else 0


def page_key(environ):
    """Where this request's page is stored, or None when the request must go to Django."""
    query = without_tracking(environ.get("QUERY_STRING", ""))
    if environ.get("REQUEST_METHOD") != "GET" or not PAGE_QUERY.match(query):
        return None
    path = environ.get("PATH_INFO", "")
    admin = f"/{settings.ADMIN_URL}"
    if path.startswith((settings.STATIC_URL, settings.MEDIA_URL, admin)):
        return None
    if has_session_cookie(environ) or not _secure_enough(environ):
        return None
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    if not validate_host(split_domain_port(host)[0], settings.ALLOWED_HOSTS):
        return None
    encoding = "gzip" if "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "") else "identity"
    # Pages name the site by SITE_URL, never by the host asked for, so one copy serves every
    # allowed host and port. Hashed, so a long or odd address still makes a short, safe key.
    address = hashlib.sha256(f"{path}?{query}".encode()).hexdigest()
    return f"page:v2:{encoding}:{address}"


def has_session_cookie(environ):
    """Read as Django reads cookies, so `Cookie: a=1; sessionid=x` counts as a session."""
    cookies = environ.get("HTTP_COOKIE", "")
    return bool(cookies) and settings.SESSION_COOKIE_NAME in parse_cookie(cookies)


def _secure_enough(environ):
    """False where SecurityMiddleware would redirect to HTTPS (as HttpRequest.is_secure)."""
    if not settings.SECURE_SSL_REDIRECT:
        return True
    header, value = settings.SECURE_PROXY_SSL_HEADER or (None, None)
    return environ.get("wsgi.url_scheme") == "https" or (header and environ.get(header) == value)
