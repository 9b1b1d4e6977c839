"""With the database down: cached pages still serve, the rest say so kindly, then recover."""

from contextlib import contextmanager
from unittest import mock

from django.db import OperationalError

from tests.support.pages import assert_public_page, parse


@contextmanager
def database_down():
    error = OperationalError("could not connect to server")
    with (
        mock.patch(
            "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
            side_effect=error,
        ),
        mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor", side_effect=error),
    ):
        yield


def test_cached_pages_keep_serving(wsgi_get):
    url = "/articles/inner-thigh-cramps/"
    assert wsgi_get(url).status == 200

    with database_down():
        response = wsgi_get(url)

    assert response.status == 200 and "<h1>Inner thigh cramps</h1>" in response.text()


def test_other_pages_answer_a_friendly_503_with_the_emergency_advice(client, db, settings):
    settings.EMERGENCY_NUMBER = "999"

    with database_down():
        response = client.get("/articles/common-causes-of-inner-thigh-cramps/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    soup = parse(response)
    assert soup.h1.get_text() == "Sorry, the service is unavailable"
    assert "Traceback" not in response.content.decode()
    assert "call 999" in soup.select_one("main").get_text()
    assert_public_page(soup)


def test_the_questionnaire_answers_503_not_500(client, db):
    with database_down():
        assert client.get("/triage/serious-symptoms/").status_code == 503


def test_the_site_recovers_by_itself(client, db):
    with database_down():
        assert client.get("/articles/").status_code == 503

    assert client.get("/articles/").status_code == 200


def test_the_not_found_page_renders_without_the_database(client, db):
    with database_down():
        assert client.get("/no/such/page/").status_code == 404
