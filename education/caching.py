"""Whole-page caching of the public reading pages for anonymous readers.

Views opt in with @cacheable_public_page (a paginated list also for its ?page=N addresses,
when the page exists). PageCacheMiddleware, near the top of the middleware list, stores the
finished response: its body and every header the other middleware added, one
copy per content encoding. Stored pages are served by `serve_cached_pages`, which wraps the
WSGI application (cramps_site/wsgi.py), so a hit costs two cache reads and no Django request,
middleware or database at all.

Pages are stored under the current content version; any change to an article or its sources
(save, publish, restore, delete) bumps the version in the shared cache, so every app server
serves the new page at once. Requests with a session (staff, previews, people part-way
through the questionnaire), other query strings, other methods, hosts Django would refuse,
and plain HTTP when HTTPS is required all go to Django as usual.
"""

import functools
import hashlib
import re
from http.cookies import CookieError, SimpleCookie

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port, validate_host
from django.utils import timezone

VERSION_KEY = "content-version"
MAX_SECONDS = 10 * 60
# Headers that belong to one response, not to a stored page.
PER_RESPONSE_HEADERS = {"date", "content-length"}
PAGE_QUERY = re.compile(r"^(page=\d{1,6})?$")
# Where serve_cached_pages leaves the key it worked out, for the middleware to fill.
KEY_IN_ENVIRON = "cramps.page_key"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def bump_content_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # never set, or evicted: any new value invalidates
        cache.set(VERSION_KEY, int(timezone.now().timestamp()), timeout=None)


def seconds_to_keep():
    """Until the next scheduled article goes live, and never more than MAX_SECONDS."""
    from education.models import Article

    upcoming = (
        Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__gt=timezone.now())
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
    if upcoming is None:
        return MAX_SECONDS
    return max(1, min(MAX_SECONDS, int((upcoming - timezone.now()).total_seconds())))


def cacheable_public_page(view=None, *, paginated=False):
    """Mark a view's successful pages as the same for every anonymous reader.

    Only the plain address is stored, and with paginated=True its ?page=N addresses too: the
    view must then answer a page number it cannot show with a redirect, never a 200, so
    made-up numbers cannot fill the cache.
    """
    if view is None:
        return functools.partial(cacheable_public_page, paginated=paginated)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # A page its view marked private (a staff preview) is never stored, whoever asked.
        private = "no-store" in response.get("Cache-Control", "")
        storable_address = paginated or not request.META.get("QUERY_STRING")
        response.public_page = response.status_code == 200 and not private and storable_address
        return response

    return wrapper


def page_key(environ):
    """The stored page for this request, or None when the request must go to Django."""
    if environ.get("REQUEST_METHOD") != "GET" or not PAGE_QUERY.match(
        environ.get("QUERY_STRING", "")
    ):
        return None
    path = environ.get("PATH_INFO", "")
    if (
        path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
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
    cookies = environ.get("HTTP_COOKIE", "")
    if settings.SESSION_COOKIE_NAME not in cookies:
        return False
    try:
        return settings.SESSION_COOKIE_NAME in SimpleCookie(cookies)
    except CookieError:  # an unreadable cookie header: let Django decide
        return True


def _secure_enough(environ):
    if not settings.SECURE_SSL_REDIRECT:
        return True
    header, value = settings.SECURE_PROXY_SSL_HEADER or (None, None)
    return environ.get("wsgi.url_scheme") == "https" or (header and environ.get(header) == value)


class PageCacheMiddleware:
    """Stores the pages views marked cacheable, exactly as they go out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Behind serve_cached_pages the key is already known; without it (tests, ASGI), work it out.
        meta = request.META
        key = meta[KEY_IN_ENVIRON] if KEY_IN_ENVIRON in meta else page_key(meta)
        response = self.get_response(request)
        public = getattr(response, "public_page", False)
        if key and public and not response.cookies and not response.streaming:
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in PER_RESPONSE_HEADERS
            ]
            cache.set(key, (response.content, headers), timeout=seconds_to_keep())
        return response


def serve_cached_pages(application):
    """WSGI wrapper: a stored page goes out before Django builds a request."""

    def cached_or_django(environ, start_response):
        key = environ[KEY_IN_ENVIRON] = page_key(environ)
        stored = cache.get(key) if key else None
        if stored is None:
            return application(environ, start_response)
        content, headers = stored
        start_response("200 OK", [*headers, ("Content-Length", str(len(content)))])
        return [content]

    return cached_or_django
