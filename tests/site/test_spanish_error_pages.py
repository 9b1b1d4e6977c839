"""Error pages (and the database-down page) under /es/ are in Spanish: the address's language
holds even when the page is made from settings and templates alone (cramps_site/views.py)."""

from unittest import mock

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.db import OperationalError
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from cramps_site import urls as site_urls
from education.models import Article
from tests.support.failing_views import broken_view, forbidden_view, unreadable_view
from tests.support.pages import parse
from tests.support.spanish import english_interface_strings, english_strings_in


def form_view(request):
    return HttpResponse("saved")


urlpatterns = i18n_patterns(
    path("broken/", broken_view),
    path("forbidden/", forbidden_view),
    path("unreadable/", unreadable_view),
    path("form/", form_view),
    prefix_default_language=False,
)
urlpatterns += site_urls.urlpatterns
handler400 = site_urls.handler400
handler403 = site_urls.handler403
handler500 = site_urls.handler500


@pytest.mark.urls("tests.site.test_spanish_error_pages")
@pytest.mark.parametrize(
    "request_page, status, heading",
    [
        (lambda c: c.get("/es/broken/"), 500, "Lo sentimos, algo salió mal"),
        (lambda c: c.get("/es/forbidden/"), 403, "Usted no puede ver esta página"),
        (lambda c: c.get("/es/unreadable/"), 400, "Lo sentimos, hay un problema con su solicitud"),
        (
            lambda c: c.post("/es/form/", {"a": "b"}),
            403,
            "Lo sentimos, este formulario ya no es válido",
        ),
        (lambda c: c.get("/es/no-hay-tal-pagina/"), 404, "No encontramos la página"),
        (
            lambda c: c.get("/es/articles/", headers={"host": "attacker.example"}),
            400,
            "Lo sentimos, hay un problema con su solicitud",
        ),
        (
            lambda c: c.post(
                f"/es/articles/{Article.objects.filter(language='es').first().slug}/feedback/",
                "helpful=yes",
                content_type="application/x-www-form-urlencoded; charset=latin-1",
            ),
            400,
            "Lo sentimos, hay un problema con su solicitud",
        ),
    ],
)
def test_error_pages_under_es_are_in_spanish(db, request_page, status, heading):
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)

    response = request_page(client)

    assert response.status_code == status
    page = parse(response)
    assert page.html["lang"] == "es"
    assert page.h1.get_text() == heading
    assert english_strings_in(response.content, english_interface_strings()) == []


def test_the_database_down_page_under_es_is_in_spanish(client, db):
    error = OperationalError("could not connect to server")
    base = "django.db.backends.base.base.BaseDatabaseWrapper"
    with (
        mock.patch(f"{base}.ensure_connection", side_effect=error),
        mock.patch(f"{base}.cursor", side_effect=error),
    ):
        response = client.get("/es/articles/")

    assert response.status_code == 503
    page = parse(response)
    assert page.html["lang"] == "es"
    assert page.h1.get_text() == "Lo sentimos, el servicio no está disponible"
    assert english_strings_in(response.content, english_interface_strings()) == []
