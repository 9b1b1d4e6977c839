import pytest
from django.test import Client
from django.urls import path

from cramps_site import urls as site_urls
from tests.support.failing_views import broken_view, forbidden_view, unreadable_view
from tests.support.pages import assert_public_page, parse

urlpatterns = [
    path("broken/", broken_view),
    path("forbidden/", forbidden_view),
    path("unreadable/", unreadable_view),
]
urlpatterns += site_urls.urlpatterns
handler400 = site_urls.handler400
handler403 = site_urls.handler403
handler500 = site_urls.handler500


def assert_error_page(response, status, heading, emergency_number):
    assert response.status_code == status
    soup = parse(response)
    assert soup.html["lang"] == "en"  # English pages' errors stay English beside Spanish ones
    assert soup.h1.get_text() == heading
    assert f"call {emergency_number}" in soup.select_one("main").get_text()
    assert_public_page(soup)


@pytest.mark.urls("tests.site.test_error_pages")
def test_server_error_page_is_friendly_and_needs_no_database(
    db, settings, django_assert_num_queries
):
    settings.EMERGENCY_NUMBER = "999"

    with django_assert_num_queries(0):
        response = Client(raise_request_exception=False).get("/broken/")

    assert_error_page(response, 500, "Sorry, something went wrong", "999")
    assert "boom" not in response.content.decode()


def test_not_found_page_is_friendly_and_needs_no_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/no/such/page/")

    assert response.status_code == 404
    assert parse(response).h1.get_text() == "Page not found"
    assert_public_page(parse(response))


LATIN_1_FORM = "application/x-www-form-urlencoded; charset=latin-1"


@pytest.mark.parametrize(
    "url", ["/triage/serious-symptoms/", "/articles/inner-thigh-cramps/feedback/"]
)
def test_a_form_declaring_latin_1_gets_the_sites_400_page(client, db, url):
    response = client.post(url, "helpful=yes", content_type=LATIN_1_FORM)

    assert_error_page(response, 400, "Sorry, there is a problem with your request", "911")


@pytest.mark.urls("tests.site.test_error_pages")
def test_the_bad_request_page_needs_no_database(client, db, settings, django_assert_num_queries):
    settings.EMERGENCY_NUMBER = "999"

    with django_assert_num_queries(0):
        response = client.get("/unreadable/")

    assert_error_page(response, 400, "Sorry, there is a problem with your request", "999")
    assert "unreadable" not in response.content.decode()


def test_an_unknown_host_gets_the_sites_400_page(client, db):
    response = client.get("/articles/", headers={"host": "attacker.example"})

    assert_error_page(response, 400, "Sorry, there is a problem with your request", "911")


@pytest.mark.urls("tests.site.test_error_pages")
def test_a_forbidden_page_gets_the_sites_403_page(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/forbidden/")

    assert_error_page(response, 403, "You cannot see this page", "911")


def test_a_form_without_its_security_token_gets_a_page_saying_it_expired(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/triage/serious-symptoms/", {"chest_pain": "no"})

    assert_error_page(response, 403, "Sorry, this form has expired", "911")
    assert "reload the page" in parse(response).select_one("main").get_text()
