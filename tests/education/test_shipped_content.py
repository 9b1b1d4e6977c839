"""The articles a fresh install ships: plain, complete, corrected, sourced and linked."""

import re
from urllib.parse import urlparse

import pytest
import textstat
from django.utils import timezone

from education.models import Article, SitePage
from tests.support.pages import parse, readable_text
from tests.support.required_facts import REQUIRED_FACTS

MAX_GRADE = 7
SHIPPED_ARTICLES = 10


@pytest.fixture
def shipped(db):
    # The English pages; their Spanish translations have tests of their own
    # (test_spanish_pages.py, test_spanish_reading_level.py).
    return list(Article.objects.published().filter(language="en"))


@pytest.fixture
def site_pages(db):
    return list(SitePage.objects.filter(language="en"))


def rendered_article(client, article):
    return parse(client.get(article.get_absolute_url())).select_one("article")


def sentences(text):
    return re.split(r"(?<=[.!?:])\s+", text)


def test_a_fresh_install_publishes_the_ten_articles_in_three_groups(shipped):
    assert len(shipped) == SHIPPED_ARTICLES
    assert {article.group for article in shipped} == set(Article.Group.values)


def test_every_article_reads_at_grade_seven_or_below(client, shipped):
    for article in shipped:
        text = readable_text(rendered_article(client, article))
        grade = textstat.flesch_kincaid_grade(text)
        assert grade <= MAX_GRADE, f"{article.slug} reads at grade {grade}"
        assert textstat.lexicon_count(text) > 300, f"{article.slug} is too thin"


def test_every_required_fact_is_stated(client, shipped):
    text = " ".join(
        " ".join(rendered_article(client, article).get_text(" ").split()) for article in shipped
    )

    missing = [
        name
        for name, patterns in REQUIRED_FACTS
        if not all(re.search(pattern, text, re.IGNORECASE) for pattern in patterns)
    ]
    assert not missing, f"facts not stated: {missing}"


def test_internal_links_and_anchors_resolve(client, shipped, site_pages):
    for page in [*shipped, *site_pages]:
        for link in rendered_article(client, page).select('a[href^="/"], a[href^="#"]'):
            url = urlparse(link["href"])
            target = parse(client.get(url.path or page.get_absolute_url()))
            assert target.h1, f"{page.slug}: {link['href']} does not open a page"
            if url.fragment:
                assert target.find(id=url.fragment), f"{page.slug}: no #{url.fragment}"


def test_every_article_is_sourced_and_related_and_claims_no_review_it_never_had(shipped):
    today = timezone.localdate()
    for article in shipped:
        # No clinician has signed the shipped articles off; the page must not say one has.
        assert article.latest_signoff is None
        sources = list(article.sources.all())
        assert len(sources) >= 3, article.slug
        assert all(s.accessed <= today for s in sources)
        assert all(s.url.startswith("https://") for s in sources), article.slug
        assert not any("brief" in s.title.lower() for s in sources), article.slug
        assert article.related.exists()
        assert article.sections, f"{article.slug} has no sections for 'On this page'"
        assert all(s["title"].endswith("?") for s in article.sections), article.slug
        assert len(article.summary) <= 160


def test_no_shipped_page_names_a_reviewer_before_a_clinical_sign_off(client, shipped):
    for article in shipped:
        assert article.latest_signoff is None
        page = parse(client.get(article.get_absolute_url()))
        assert "not yet been reviewed by a clinician" in page.select_one(".review-dates").text


def test_articles_never_use_the_emergency_number_literally(shipped, site_pages):
    """The number is a setting; the page fills it in, so a body must not hard-code it."""
    for page in [*shipped, *site_pages]:
        assert not re.search(r"\b(911|999|112)\b", page.body), page.slug
