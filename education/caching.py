"""Which reading pages the page cache keeps, and for how long (the mechanism is
cramps_site/page_cache.py; what bumps the content version is wired in education/apps.py)."""

from cramps_site.page_cache import public_page
from education.models import Article

# Long enough to spare the database, short enough that a stale copy never lingers.
MAX_SECONDS = 10 * 60


def seconds_to_keep():
    return Article.objects.seconds_until_next_publication(MAX_SECONDS)


def reading_page(view=None, *, paginated=False):
    """A page that is the same for every anonymous reader, kept until the next scheduled
    article goes live (which changes lists and pages without any save)."""
    return public_page(view, paginated=paginated, keep_for=seconds_to_keep)
