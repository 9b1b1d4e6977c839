"""Whole-page caching of the public reading pages for anonymous readers.

Views opt in with @cacheable_public_page. PageCacheMiddleware, first in the middleware list,
stores the finished response (body and every header the other middleware added, one copy
per content encoding) and serves it again before any other middleware runs, without
touching the database. Pages are stored under the current content version; any change to an
article or its sources (save, publish, restore, delete) bumps the version in the shared
cache, so every app server serves the new page at once. Requests with a session (staff,
previews, people part-way through the questionnaire) never read or fill the cache.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

VERSION_KEY = "content-version"
MAX_SECONDS = 10 * 60
# Headers that belong to one response, not to a stored page.
PER_RESPONSE_HEADERS = {"date", "content-length"}


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


def cacheable_public_page(view):
    """Mark a view's successful pages as the same for every anonymous reader."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and _cacheable(request):
            response.page_cache_seconds = seconds_to_keep()
        return response

    return wrapper


def _cacheable(request):
    only_paging = set(request.GET) <= {"page"} and request.GET.get("page", "1").isdigit()
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and only_paging
        and not request.path.startswith(settings.STATIC_URL)
    )


def _cache_key(request):
    encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
    # Hashed, so a long or odd address still makes a short, safe key.
    where = hashlib.sha256(f"{request.path}?{request.GET.get('page', '')}".encode()).hexdigest()
    return f"page:{content_version()}:{encoding}:{where}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable(request):
            return self.get_response(request)
        key = _cache_key(request)
        stored = cache.get(key)
        if stored is not None:
            return _response_from(stored)
        response = self.get_response(request)
        seconds = getattr(response, "page_cache_seconds", None)
        if seconds and not response.cookies and not response.streaming:
            cache.set(key, _stored(response), timeout=seconds)
        return response


def _stored(response):
    headers = [(k, v) for k, v in response.items() if k.lower() not in PER_RESPONSE_HEADERS]
    return {"content": response.content, "headers": headers}


def _response_from(stored):
    response = HttpResponse(stored["content"])
    for header, value in stored["headers"]:
        response[header] = value
    return response
