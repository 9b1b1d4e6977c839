from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
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


@register(deploy=True)
def check_publisher(app_configs, **kwargs):
    """Readers judge health information by who stands behind it: the About page and the
    pages' structured data name the publisher and a contact address, which only the people
    running the site can give."""
    warnings = []
    if not settings.SITE_PUBLISHER_NAME:
        warnings.append(
            Warning(
                "SITE_PUBLISHER_NAME is not set: the About page names no publisher.",
                hint="Set SITE_PUBLISHER_NAME to the organisation that publishes the site.",
                id="cramps_site.W003",
            )
        )
    try:
        validate_email(settings.SITE_CONTACT_EMAIL)
    except ValidationError:
        warnings.append(
            Warning(
                "SITE_CONTACT_EMAIL is not an email address: the About page gives no contact.",
                hint="Set SITE_CONTACT_EMAIL to an address the publisher reads.",
                id="cramps_site.W004",
            )
        )
    return warnings
