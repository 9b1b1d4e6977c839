"""Search of published articles: PostgreSQL full-text search, or a plain fallback on SQLite.

Both return the same thing: articles best first, each with a short snippet whose matching
words are wrapped in <mark>. Snippets are built from escaped text, so they are safe to show.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from education.models import Article

MAX_QUERY_LENGTH = 100
MAX_RESULTS = 20
SNIPPET_CHARACTERS = 180
WORD = re.compile(r"[^\W_]{2,}", re.UNICODE)
# Where a word matches counts for this much: the title most, then the summary, then the body.
WEIGHTS = {"title": 3, "summary": 2, "text": 1}
# Snippets mark matches with two characters articles never use, then escape, then swap them.
START, STOP = "\u2983", "\u2984"
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MARKDOWN_PUNCTUATION = re.compile(r"[#*_`>]+")


@dataclass(frozen=True)
class Hit:
    article: Article
    snippet: str


def search_terms(query):
    return WORD.findall((query or "")[:MAX_QUERY_LENGTH].lower())[:10]


def search_articles(query):
    terms = search_terms(query)
    if not terms:
        return []
    if connection.vendor == "postgresql":
        return _postgres_search(query[:MAX_QUERY_LENGTH])
    return _simple_search(terms)


def _postgres_search(query):
    from django.contrib.postgres.search import (
        SearchHeadline,
        SearchQuery,
        SearchRank,
        SearchVector,
    )

    search = SearchQuery(query, search_type="websearch", config="english")
    vector = (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("body", weight="C", config="english")
    )
    found = (
        Article.objects.published()
        .annotate(document=vector)
        .filter(document=search)
        .annotate(
            rank=SearchRank(vector, search),
            headline=SearchHeadline(
                "body",
                search,
                config="english",
                start_sel=START,
                stop_sel=STOP,
                max_words=30,
                min_words=15,
            ),
        )
        .order_by("-rank", "order")[:MAX_RESULTS]
    )
    return [Hit(article, _marked(_plain_markdown(article.headline))) for article in found]


def _marked(text):
    """Escape everything, then turn our two marker characters into <mark> tags."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


def _plain_markdown(text):
    text = strip_tags(MARKDOWN_LINK.sub(r"\1", text))
    return " ".join(MARKDOWN_PUNCTUATION.sub("", text).split())


def _simple_search(terms):
    candidates = Article.objects.published().only("title", "slug", "summary", "body_html", "order")
    scored = []
    for article in candidates:
        fields = {
            "title": article.title.lower(),
            "summary": article.summary.lower(),
            "text": strip_tags(article.body_html).lower(),
        }
        if not all(any(term in value for value in fields.values()) for term in terms):
            continue
        score = sum(
            WEIGHTS[name] * value.count(term) for name, value in fields.items() for term in terms
        )
        scored.append((-score, article.order, article))
    scored.sort(key=lambda item: item[:2])
    return [Hit(article, _snippet(article, terms)) for _, _, article in scored[:MAX_RESULTS]]


def _snippet(article, terms):
    text = " ".join(strip_tags(article.body_html).split())
    lower = text.lower()
    positions = [lower.find(term) for term in terms if term in lower]
    start = max(0, min(positions) - SNIPPET_CHARACTERS // 3) if positions else 0
    end = start + SNIPPET_CHARACTERS
    # Whole words only: step forward to a word's start and back to a word's end.
    if start:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    marked = pattern.sub(lambda match: f"{START}{match.group(0)}{STOP}", text[start:end])
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return _marked(prefix + marked + suffix)
