"""The articles a fresh install ships: plain, complete, sourced and internally linked."""

import re
from urllib.parse import urlparse

import pytest
import textstat
from django.utils import timezone

from education.models import Article
from tests.education.required_facts import REQUIRED_FACTS
from tests.pages import parse, readable_text

MAX_GRADE = 7


@pytest.fixture
def shipped(db):
    articles = list(Article.objects.published())
    assert len(articles) >= 4
    return articles


def rendered_article(client, article):
    return parse(client.get(article.get_absolute_url())).select_one("article")


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


def test_internal_links_and_anchors_resolve(client, shipped):
    for article in shipped:
        for link in rendered_article(client, article).select('a[href^="/"], a[href^="#"]'):
            url = urlparse(link["href"])
            page = (
                parse(client.get(url.path))
                if url.path
                else parse(client.get(article.get_absolute_url()))
            )
            assert page.h1, f"{article.slug}: {link['href']} does not open a page"
            if url.fragment:
                assert page.find(id=url.fragment), f"{article.slug}: no #{url.fragment}"


def test_every_article_is_sourced_and_related_and_claims_no_review_it_never_had(shipped):
    today = timezone.localdate()
    for article in shipped:
        # No clinician has signed the shipped articles off; the page must not say one has.
        assert article.latest_signoff is None
        sources = list(article.sources.all())
        assert sources and all(s.accessed <= today for s in sources)
        assert all(s.url.startswith("https://") for s in sources if s.url)
        assert article.related.exists()
        assert article.sections, f"{article.slug} has no sections for 'On this page'"
        assert len(article.summary) <= 160


def test_articles_never_use_the_emergency_number_literally(shipped):
    """The number is a setting; the page adds it, so a body must not hard-code it."""
    for article in shipped:
        assert not re.search(r"\b(911|999|112)\b", article.body), article.slug
