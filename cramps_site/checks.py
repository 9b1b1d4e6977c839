from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.http.request import validate_host


@register(Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    """Canonical links and the sitemap point search engines at SITE_URL: it must be the
    public address, which the default (for `make run`) is not."""
    address = urlsplit(settings.SITE_URL)
    warnings = []
    if settings.SECURE_SSL_REDIRECT and address.scheme != "https":
        warnings.append(
            Warning(
                "SITE_URL is not an https:// address, but the site requires HTTPS.",
                hint="Set SITE_URL to the public address, e.g. https://cramps.example.org.",
                id="cramps_site.W001",
            )
        )
    if not validate_host(address.hostname, settings.ALLOWED_HOSTS):
        warnings.append(
            Warning(
                f"SITE_URL names {address.hostname}, which DJANGO_ALLOWED_HOSTS does not list.",
                hint="Set SITE_URL to the public address the site is served at.",
                id="cramps_site.W002",
            )
        )
    return warnings
