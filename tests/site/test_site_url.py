"""Absolute links name the site by SITE_URL, never by the Host a request carried."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cramps_site.checks import check_site_url
from cramps_site.settings import site_url
from tests.support.pages import parse

SITE = "https://cramps.example.org"
ODD_HOST = {"host": "testserver:8443"}


@pytest.fixture
def public_site_url(settings):
    settings.SITE_URL = SITE


def test_canonical_links_use_the_site_url_whatever_the_host(client, db, public_site_url):
    url = "/articles/inner-thigh-cramps/"

    soup = parse(client.get(url, headers=ODD_HOST))

    assert soup.select_one('link[rel="canonical"]')["href"] == SITE + url
    assert soup.select_one('meta[property="og:url"]')["content"] == SITE + url


def test_the_sitemap_uses_the_site_url_whatever_the_host(client, db, public_site_url):
    body = client.get("/sitemap.xml", headers=ODD_HOST).content.decode()

    assert f"<loc>{SITE}/articles/inner-thigh-cramps/</loc>" in body
    assert "8443" not in body and "testserver" not in body


def test_robots_names_the_sitemap_by_the_site_url_whatever_the_host(client, db, public_site_url):
    lines = client.get("/robots.txt", headers=ODD_HOST).content.decode().splitlines()

    assert f"Sitemap: {SITE}/sitemap.xml" in lines


@pytest.mark.parametrize(
    ("value", "expected"),
    [("https://cramps.example.org/", SITE), ("http://127.0.0.1:8000", "http://127.0.0.1:8000")],
)
def test_a_site_url_is_a_scheme_and_host(value, expected):
    assert site_url(value) == expected


@pytest.mark.parametrize(
    "value", ["cramps.example.org", "ftp://cramps.example.org", "https://", "https://x.org/a"]
)
def test_a_site_url_with_a_path_or_no_scheme_is_refused(value):
    with pytest.raises(ImproperlyConfigured):
        site_url(value)


def test_the_deploy_check_wants_the_public_https_address(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["cramps.example.org"]
    settings.SITE_URL = "http://127.0.0.1:8000"

    assert {warning.id for warning in check_site_url(None)} == {
        "cramps_site.W001",
        "cramps_site.W002",
    }

    settings.SITE_URL = SITE
    assert check_site_url(None) == []
