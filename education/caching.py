"""Reading pages say they are the same for every reader, in Cache-Control: the site's page
cache (cramps_site/page_cache.py) and any CDN or reverse proxy in front may then keep them
for a short time (s-maxage), browsers not at all (docs/caching.md)."""

import functools

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

from common.query_strings import without_tracking
from education.models import Article

# How long a cache in front (a CDN that is never told of changes) may keep a page as fresh.
MAX_SECONDS = 60
# Once that is up, how long a cache may go on serving the page while it fetches the new one
# (stale-while-revalidate): readers never wait for the rebuild, and a busy site rebuilds each
# page once rather than once per worker. Through such a CDN a correction reaches every
# reader within the two together; from the site itself, at once (docs/caching.md).
REBUILD_SECONDS = 60


def reading_page(view=None, *, paginated=False):
    """Mark a view's successful pages as shareable by caches between the site and its readers
    for MAX_SECONDS at most, then REBUILD_SECONDS while they fetch it again, and never past
    the moment the next scheduled article goes live (which changes lists and pages without
    any save).

    Only the plain address is shareable (with any campaign tags or click ids, which no page
    reads), and with paginated=True its ?page=N addresses too:
    the view must then answer a page number it cannot show with a redirect, never a 200, so
    made-up numbers cannot fill the cache. A page the view marked itself (a staff preview is
    no-store) keeps its own header.
    """
    if view is None:
        return functools.partial(reading_page, paginated=paginated)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.has_header("Cache-Control"):
            return response
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            # Staff and people part-way through the questionnaire: for them alone.
            add_never_cache_headers(response)
        elif paginated or not without_tracking(request.META.get("QUERY_STRING", "")):
            # Browsers ask again each time (served from the page cache, so cheaply): a
            # reader who saw the page a moment ago still gets a correction at once.
            _share(response, MAX_SECONDS + REBUILD_SECONDS)
        return response

    return wrapper


def _share(response, at_most):
    """Shareable for at_most seconds, the last REBUILD_SECONDS of them only while a cache
    fetches the page again, and for none past the next scheduled publication."""
    seconds = Article.objects.seconds_until_next_publication(at_most)
    fresh = min(seconds, MAX_SECONDS)
    directives = {"stale_while_revalidate": seconds - fresh} if seconds > fresh else {}
    patch_cache_control(response, public=True, max_age=0, s_maxage=fresh, **directives)
