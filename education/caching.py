"""Whole-page caching of the public reading pages for anonymous readers.

A page is cached under the current content version. Any change to an article or its sources
(save, publish, restore, delete) bumps the version in the shared cache, so every app server
serves the new page at once. Anyone with a session (staff, previews, people part-way through
the questionnaire) is never served from or stored into the cache, and cached pages are
served without touching the database.
"""

import functools

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

VERSION_KEY = "content-version"
MAX_SECONDS = 10 * 60


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


def _cache_key(request):
    page = request.GET.get("page", "")
    return f"page:{content_version()}:{request.path}:{page}"


def _cacheable(request):
    only_paging = set(request.GET) <= {"page"} and request.GET.get("page", "1").isdigit()
    return (
        request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and only_paging
    )


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


def cached_public_page(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _cache_key(request)
        stored = cache.get(key)
        if stored is not None:
            return HttpResponse(stored, content_type="text/html; charset=utf-8")
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies:
            cache.set(key, response.content, timeout=seconds_to_keep())
        return response

    return wrapper
