from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import DatabaseError
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from cramps_site.views import healthz

# Features the site never uses, switched off for every page and anything it might embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
        "fullscreen", "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer",
        "microphone", "midi", "payment", "picture-in-picture", "publickey-credentials-get",
        "screen-wake-lock", "serial", "usb", "web-share", "xr-spatial-tracking",
        "interest-cohort", "browsing-topics",
    ]
)  # fmt: skip


def is_admin_request(request):
    """Anything under the admin's address, its login and its "not found" pages included."""
    return request.path.startswith(reverse("admin:index"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy everywhere; the admin also gets the inline styles its widgets use."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if is_admin_request(request):
            parts.update = {**(parts.update or {}), **settings.ADMIN_CSP_UPDATE}
        return parts


class AdminNoIndexMiddleware:
    """Search engines are asked not to index the admin by its responses' headers: naming its
    address in robots.txt would tell everyone where a custom admin address is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_admin_request(request):
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """When the database is down, say so kindly (with the emergency advice), as a 503.

    Cached pages never reach the database, so they keep being served meanwhile; Django
    reconnects on the next request, so the site recovers by itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DatabaseError):
            response = render(request, "503.html", status=503)
            response["Retry-After"] = "30"
            return response
        return None


class HealthCheckMiddleware:
    """Answers /healthz ahead of the host check and the HTTPS redirect.

    A load balancer asks over plain HTTP, by the app server's own address, which
    ALLOWED_HOSTS rightly does not list; the answer says nothing about any host.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)


class QuestionnaireNoStoreMiddleware:
    """Questionnaire pages show a person's health answers: on a shared device they must not
    stay in the browser's cache or its back/forward cache, so none of them is ever stored."""

    NAMESPACE = "triage"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if match and self.NAMESPACE in match.namespaces:
            add_never_cache_headers(response)
        return response
