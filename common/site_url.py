from django.conf import settings


def absolute_url(path):
    """The address a reader or a search engine should use for this path on the site."""
    return f"{settings.SITE_URL}{path}"
