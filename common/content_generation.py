"""The content generation: one token in the shared cache that changes whenever anything
readers see changes, so whatever is kept from the content (the stored pages of
cramps_site/page_cache.py) is known to be current.

A change counts once its transaction commits (transaction.on_commit), so writes that are
rolled back, such as a draft put in place to preview or save it, change nothing. While such
writes are in place, `content_change_pending()` is true and nothing built then is kept.
cramps_site/apps.py connects `content_changed` to every save and delete: every model is
content except the few that readers' own visits write (NOT_CONTENT).

With the shared cache unreachable there is no generation (None): nothing kept is trusted and
everything is built afresh (docs/caching.md).
"""

import time
import uuid

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "content-generation"
# Never shown on a reading page: readers' visits and logins, and the editorial record of
# drafts, their steps and their revisions (what readers see changes only when a draft is
# approved, which writes the page itself). Counting them would empty the cache with every
# questionnaire answered or draft saved. App labels, or app.model.
NOT_CONTENT = {
    "sessions",
    "axes",
    "admin",
    "reversion",
    "triage.result",
    "education.feedback",
    "editorial.draft",
    "editorial.workflowevent",
}


def current_generation():
    """The current token, or None when the shared cache cannot be reached. A token lost
    (evicted, or the cache restarted empty) is replaced by a new one, never an earlier one."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


# When this process last made a new generation (time.monotonic()): a copy of the generation
# read before then is out of date here at once.
changed_here_at = float("-inf")


def new_generation():
    """Everything kept so far is out of date from now on."""
    global changed_here_at
    changed_here_at = time.monotonic()
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def content_changed(sender, using=None, **kwargs):
    """Signal receiver: a new generation once the change commits."""
    meta = getattr(sender, "_meta", None)
    if meta is None or not {meta.app_label, meta.label_lower} & NOT_CONTENT:
        # robust: the change is already committed; a cache that fails must not undo the answer.
        transaction.on_commit(new_generation, using=using, robust=True)


def content_change_pending(using=None):
    """Whether content written on this connection is waiting for its transaction to commit
    (and may yet be rolled back): what is built from it now must not be kept."""
    waiting = transaction.get_connection(using).run_on_commit
    return any(callback is new_generation for _, callback, _ in waiting)
