from unittest import mock

from django.db import OperationalError


def test_healthz_is_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200 and response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


def test_healthz_is_503_when_the_database_does_not(client, db):
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("down"),
    ):
        response = client.get("/healthz")

    assert response.status_code == 503


def test_healthz_refuses_post(client, db):
    assert client.post("/healthz").status_code == 405


def test_healthz_answers_a_load_balancer_by_address_over_plain_http(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/healthz", headers={"host": "10.0.0.5:8000"})

    assert response.status_code == 200 and response.content == b"ok\n"


def test_other_pages_still_refuse_an_unknown_host(client, db):
    assert client.get("/", headers={"host": "10.0.0.5:8000"}).status_code == 400
