"""Query parameters that only say where a reader came from: campaign tags and the click ids
that social sites and ad networks add to every link. No page reads them, so an address that
differs from another only by them is the same page, and the page cache keeps one copy for
both (docs/caching.md)."""

TRACKING_PREFIX = "utm_"
TRACKING_NAMES = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid"}


def without_tracking(query_string):
    """The query string with its tracking parameters left out, the rest exactly as sent."""
    if not query_string:
        return ""
    kept = [part for part in query_string.split("&") if not _is_tracking(part)]
    return "&".join(kept)


def _is_tracking(part):
    name = part.partition("=")[0].lower()
    return name.startswith(TRACKING_PREFIX) or name in TRACKING_NAMES
