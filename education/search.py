"""Search of published articles through the database's full-text index.

Each language's pages are searched in that language (the address's). PostgreSQL ranks with
its text search in that language (English or Spanish stemming); SQLite with FTS5 and BM25 (see
education/search_index.py for how the index stays current). Both return the same thing:
articles best first, each with a short snippet whose matching words are wrapped in <mark>.
Snippets are built from escaped text, so they are safe to show.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, FloatField
from django.db.models.expressions import RawSQL
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from education.models import Article
from education.search_index import POSTGRESQL_COLUMNS, TABLE
from education.templatetags.care import with_settings_in_text

MAX_QUERY_LENGTH = 100
MAX_RESULTS = 20
SNIPPET_CHARACTERS = 180
WORD = re.compile(r"[^\W_]{2,}", re.UNICODE)
# Where a word matches counts for this much: the title most, then the summary, then the body.
WEIGHTS = {"title": 3, "summary": 2, "body": 1}
# Snippets mark matches with two characters articles never use, then escape, then swap them.
START, STOP = "\u2983", "\u2984"
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MARKDOWN_PUNCTUATION = re.compile(r"[#*_`>]+")
LISTED_FIELDS = ("title", "slug", "summary", "body_html", "order", "language")


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
    return _fts5(terms)


def _postgres_search(query):
    from django.contrib.postgres.search import SearchHeadline, SearchQuery

    config, column = POSTGRESQL_COLUMNS[translation.get_language()]
    search = SearchQuery(query, search_type="websearch", config=config)
    tsquery = f"websearch_to_tsquery('{config}', %s)"
    found = (
        Article.objects.in_active_language()
        .published()
        .filter(RawSQL(f"{column} @@ {tsquery}", [query], BooleanField()))
        .annotate(
            rank=RawSQL(f"ts_rank({column}, {tsquery})", [query], FloatField()),
            headline=SearchHeadline(
                "body",
                search,
                config=config,
                start_sel=START,
                stop_sel=STOP,
                max_words=30,
                min_words=15,
            ),
        )
        .only(*LISTED_FIELDS)
        .order_by("-rank", "order")[:MAX_RESULTS]
    )
    return [
        Hit(article, _marked(_plain_markdown(with_settings_in_text(article.headline))))
        for article in found
    ]


def _fts5(terms):
    """Every word must match, as the start of a word (so "stretch" finds "stretching")."""
    match = " ".join(f'"{term}"*' for term in terms)
    matching = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"
    weights = ", ".join(str(WEIGHTS[name]) for name in ("title", "summary", "body"))
    with connection.cursor() as cursor:
        cursor.execute(f"{matching} ORDER BY bm25({TABLE}, {weights})", [match])
        best_first = [article_id for (article_id,) in cursor.fetchall()]
    visible = set(
        Article.objects.in_active_language()
        .published()
        .filter(pk__in=RawSQL(matching, [match]))
        .values_list("pk", flat=True)
    )
    chosen = [pk for pk in best_first if pk in visible][:MAX_RESULTS]
    by_id = Article.objects.only(*LISTED_FIELDS).in_bulk(chosen)
    return [Hit(by_id[pk], _snippet(by_id[pk], terms)) for pk in chosen]


def _marked(text):
    """Escape everything, then turn our two marker characters into <mark> tags."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


def _plain_markdown(text):
    text = strip_tags(MARKDOWN_LINK.sub(r"\1", text))
    return " ".join(MARKDOWN_PUNCTUATION.sub("", text).split())


def _snippet(article, terms):
    """About SNIPPET_CHARACTERS of the body around the first match, matching words marked.

    A match is a whole word that starts with a term, as the search matched it: "stretch"
    marks "stretching", and "at" marks "at" but never the end of "What".
    """
    text = " ".join(with_settings_in_text(strip_tags(article.body_html)).split())
    words = re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\w*", re.IGNORECASE)
    first = words.search(text)
    start = max(0, first.start() - SNIPPET_CHARACTERS // 3) if first else 0
    end = start + SNIPPET_CHARACTERS
    # Whole words only: step forward to a word's start and back to a word's end.
    if start:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    marked = words.sub(lambda match: f"{START}{match.group(0)}{STOP}", text[start:end])
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return _marked(prefix + marked + suffix)
