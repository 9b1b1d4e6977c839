"""Dates read one way across the site, the US way: "December 4, 2026"."""

import re

import pytest

from education.models import Article
from tests.support.answers import with_changes
from tests.support.flows import complete_questionnaire
from tests.support.pages import parse

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
US_DATE = re.compile(rf"\b(?:{MONTHS}) \d{{1,2}}, \d{{4}}\b")
DAY_FIRST = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b")


def dates_in(response):
    text = " ".join(parse(response).get_text(" ").split())
    return US_DATE.findall(text), DAY_FIRST.findall(text)


@pytest.mark.parametrize("path", ["/about/", "/privacy/"])
def test_site_pages_give_us_dates(client, db, path):
    us, day_first = dates_in(client.get(path))

    assert us and not day_first


def test_an_article_gives_us_dates(client, db):
    article = Article.objects.published().filter(language="en", sources__isnull=False).first()

    us, day_first = dates_in(client.get(article.get_absolute_url()))

    assert us and not day_first


def test_a_result_gives_a_us_date(client, db):
    us, day_first = dates_in(complete_questionnaire(client, with_changes()))

    assert us and not day_first
