import pytest
from django.test import Client
from django.urls import path

from cramps_site import urls as site_urls
from tests.pages import assert_public_page, parse


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken_view), *site_urls.urlpatterns]
handler500 = site_urls.handler500


@pytest.mark.urls("tests.test_error_pages")
def test_server_error_page_is_friendly_and_needs_no_database(
    db, settings, django_assert_num_queries
):
    settings.EMERGENCY_NUMBER = "999"

    with django_assert_num_queries(0):
        response = Client(raise_request_exception=False).get("/broken/")

    assert response.status_code == 500
    soup = parse(response)
    assert soup.h1.get_text() == "Sorry, something went wrong"
    assert "boom" not in response.content.decode()
    assert "call 999" in soup.select_one("main").get_text()
    assert_public_page(soup)


def test_not_found_page_is_friendly_and_needs_no_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/no/such/page/")

    assert response.status_code == 404
    assert parse(response).h1.get_text() == "Page not found"
    assert_public_page(parse(response))
