from django.conf import settings
from django.contrib import admin
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from common.site_url import absolute_url
from cramps_site.context_processors import site


@require_safe
@never_cache
def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def _error_page(template_name, status, **context):
    """An error page with the site's layout and the emergency advice, built from settings and
    templates alone: no session, CSRF token, user or database, since any of those may be what
    failed (a 400 can come from a body Django cannot read, or a host it will not serve)."""
    html = render_to_string(template_name, {**site(None), **context})
    return HttpResponse(html, status=status)


def bad_request(request, exception=None):
    return _error_page("400.html", 400)


def permission_denied(request, exception=None):
    if _in_admin(request):
        return _admin_error_page("You cannot see this page")
    return _error_page("403.html", 403)


def csrf_failure(request, reason=""):
    """A form sent without its security check, most often from a page left open too long."""
    if _in_admin(request):
        return _admin_error_page("Sorry, this form has expired", form_expired=True)
    return _error_page("403.html", 403, form_expired=True)


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever a page's <link rel="icon"> says: send them to the
    site's icon. Not a permanent redirect: its stored name changes with every deploy."""
    return HttpResponseRedirect(static("img/favicon.svg"))


def _in_admin(request):
    return request is not None and request.path.startswith(reverse("admin:index"))


def _admin_error_page(title, **context):
    """An editor refused in the admin stays in the admin's layout, with a way back."""
    names = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}
    html = render_to_string("admin/403.html", {**names, "title": title, **context})
    return HttpResponse(html, status=403)


def server_error(request):
    return _error_page("500.html", 500)


# Any token will do: robots.txt rules are address prefixes, and this one stands for all results.
SAMPLE_RESULT_TOKEN = "sample"


def _results_folder():
    """The address every result page starts with (a route has a name, its folder does not)."""
    return reverse("triage:result", args=[SAMPLE_RESULT_TOKEN]).removesuffix(
        f"{SAMPLE_RESULT_TOKEN}/"
    )


@require_safe
def robots_txt(request):
    """Search engines may read the articles, not the results or search pages. The admin is
    not named here, which would give its address away; its responses say noindex instead."""
    lines = ["User-agent: *"]
    for language, _name in settings.LANGUAGES:  # each language has its own addresses
        with translation.override(language):
            lines += [f"Disallow: {_results_folder()}", f"Disallow: {reverse('education:search')}"]
    lines.append(f"Sitemap: {absolute_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
