"""Who publishes the site and how to reach them are settings, shown on the About page and in
the pages' structured data, never made up: unset, nothing is shown and the deploy check warns."""

import json
import os
import subprocess
import sys

import pytest

from bench.live_site import printed_by_fresh_django
from cramps_site.checks import check_publisher
from education.models import Article
from tests.support import REPOSITORY
from tests.support.pages import parse

NAME = "The publisher in the test"
EMAIL = "contact@cramps.example.org"


@pytest.fixture
def publisher(settings):
    settings.SITE_PUBLISHER_NAME = NAME
    settings.SITE_CONTACT_EMAIL = EMAIL


def json_ld(response):
    blocks = parse(response).select('script[type="application/ld+json"]')
    return [json.loads(block.string) for block in blocks]


def test_the_about_page_names_the_publisher_and_a_contact_address(client, db, publisher):
    response = client.get("/about/")

    section = parse(response).select_one(".publisher")
    assert NAME in section.get_text()
    assert section.select_one(f"a[href='mailto:{EMAIL}']").get_text() == EMAIL
    assert json_ld(response) == [
        {"@context": "https://schema.org", "@type": "Organization", "name": NAME, "email": EMAIL}
    ]


def test_an_article_names_its_publisher_to_search_engines(client, db, publisher):
    article = Article.objects.published().filter(language="en").first()

    (data,) = json_ld(client.get(article.get_absolute_url()))

    assert data["publisher"] == {"@type": "Organization", "name": NAME, "email": EMAIL}


def test_unset_the_site_names_no_publisher_at_all(client, db, settings):
    settings.SITE_PUBLISHER_NAME = settings.SITE_CONTACT_EMAIL = ""
    article = Article.objects.published().filter(language="en").first()

    about = client.get("/about/")

    assert not parse(about).select(".publisher") and json_ld(about) == []
    assert "publisher" not in json_ld(client.get(article.get_absolute_url()))[0]


def test_the_settings_are_empty_by_default():
    env = {k: v for k, v in os.environ.items() if not k.startswith("SITE_")}
    code = (
        "from django.conf import settings; "
        "print(repr(settings.SITE_PUBLISHER_NAME), repr(settings.SITE_CONTACT_EMAIL))"
    )

    assert printed_by_fresh_django(code, env) == "'' ''"


@pytest.mark.parametrize(
    ("name", "email", "warned"),
    [
        ("", "", {"cramps_site.W003", "cramps_site.W004"}),
        (NAME, "", {"cramps_site.W004"}),
        (NAME, "not an address", {"cramps_site.W004"}),
        ("", EMAIL, {"cramps_site.W003"}),
        (NAME, EMAIL, set()),
    ],
)
def test_the_deploy_check_warns_until_both_are_set(settings, name, email, warned):
    settings.SITE_PUBLISHER_NAME, settings.SITE_CONTACT_EMAIL = name, email

    assert {warning.id for warning in check_publisher(None)} == warned


def test_manage_py_check_deploy_names_the_missing_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith("SITE_")}

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=REPOSITORY,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert "SITE_PUBLISHER_NAME is not set" in result.stderr + result.stdout
    assert "SITE_CONTACT_EMAIL is not an email address" in result.stderr + result.stdout
