"""Each Spanish article reads easily (Fernández-Huerta 70 or higher, measured on the
rendered <article> as the English grade is in test_shipped_content.py), and shows our
drawings with their Spanish words."""

import pytest
import textstat

from education.illustrations import illustrations
from education.models import Article, Language
from tests.support.pages import parse, readable_text

MIN_FERNANDEZ_HUERTA = 70


@pytest.fixture
def spanish_textstat():
    textstat.set_lang("es")
    yield textstat
    textstat.set_lang("en")


def test_every_spanish_article_reads_at_fernandez_huerta_70_or_above(client, db, spanish_textstat):
    articles = Article.objects.published().filter(language=Language.SPANISH)
    assert len(articles) == 10
    for article in articles:
        page = parse(client.get(article.get_absolute_url()))
        text = readable_text(page.select_one("article"))
        score = spanish_textstat.fernandez_huerta(text)
        assert score >= MIN_FERNANDEZ_HUERTA, f"{article.slug} scores {score}"
        assert spanish_textstat.lexicon_count(text) > 300, f"{article.slug} is too thin"


def test_every_spanish_drawing_has_its_spanish_words(client, db):
    article = Article.objects.get(
        language=Language.SPANISH, translation_of__slug="inner-thigh-cramps"
    )
    figures = parse(client.get(article.get_absolute_url())).select("figure img")
    assert figures
    spanish = {data["alt"] for data in illustrations("es").values()}
    english = {data["alt"] for data in illustrations("en").values()}
    for image in figures:
        assert image["alt"] in spanish and image["alt"] not in english
