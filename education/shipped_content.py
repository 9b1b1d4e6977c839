"""The articles and site pages the project ships, as Markdown files with a YAML front matter.

education/content/articles/*.md and education/content/pages/*.md are the source a clinician
reviews as a diff, and their Spanish translations are in education/content/es/ (each names the
English page it translates in `translation_of`); `manage.py load_content` copies them into the
database, where editors take over.

How a reload knows an editor's change: each loaded row keeps `content_hash`, the fingerprint
of the fields that come from its file, as they were when it was loaded. When a reload finds
that the row's fields no longer match that fingerprint, someone changed the page in the
admin, and the file is not loaded over it. A row whose fields match and whose file has not
changed is left alone, so loading twice changes nothing.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parent / "content"
ARTICLES_DIR = CONTENT_DIR / "articles"
PAGES_DIR = CONTENT_DIR / "pages"
RED_FLAGS_FILE = CONTENT_DIR / "red_flags.yaml"
SPANISH_DIR = CONTENT_DIR / "es"
SPANISH_ARTICLES_DIR = SPANISH_DIR / "articles"
SPANISH_PAGES_DIR = SPANISH_DIR / "pages"
# Same keys and order as the English file: sign N is the translation of sign N.
RED_FLAGS_FILES = {"en": RED_FLAGS_FILE, "es": SPANISH_DIR / "red_flags.yaml"}
FRONT_MATTER_FENCE = "---\n"


class ContentFileError(ValueError):
    """A content file the loader cannot use; the message names the file and the problem."""


@dataclass(frozen=True)
class ContentFile:
    path: Path
    meta: dict
    body: str


def read_content_file(path):
    text = path.read_text(encoding="utf-8")
    if not text.startswith(FRONT_MATTER_FENCE):
        raise ContentFileError(f"{path.name}: it must start with a '---' front matter block")
    front, separator, body = text[len(FRONT_MATTER_FENCE) :].partition(FRONT_MATTER_FENCE)
    if not separator:
        raise ContentFileError(f"{path.name}: the front matter has no closing '---'")
    try:
        meta = yaml.safe_load(front)
    except yaml.YAMLError as error:
        message = f"{path.name}: the front matter is not valid YAML ({error})"
        raise ContentFileError(message) from error
    if not isinstance(meta, dict):
        raise ContentFileError(f"{path.name}: the front matter must be a set of 'key: value'")
    return ContentFile(path=path, meta=meta, body=body.strip() + "\n")


def read_folder(folder):
    return [read_content_file(path) for path in sorted(folder.glob("*.md"))]


def require(content_file, *keys):
    missing = [key for key in keys if content_file.meta.get(key) in (None, "", [])]
    if missing:
        raise ContentFileError(f"{content_file.path.name}: missing {', '.join(missing)}")


def fingerprint(fields):
    """A short, stable digest of plain values (strings, numbers, lists, dicts)."""
    encoded = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


def source_fields(source):
    """A source as the file states it: title, address, and the day it was checked."""
    checked = source.get("checked")
    if not isinstance(checked, datetime.date):
        raise ContentFileError(f"source {source.get('title')!r}: 'checked' must be a date")
    return {"title": source["title"], "url": source.get("url", ""), "accessed": checked}


def load_red_flags(language="en"):
    """The signs of each level, in the words every page in that language uses (see
    red_flags.yaml)."""
    path = RED_FLAGS_FILE if language == "en" else RED_FLAGS_FILES[language]
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def article_fields_from_file(content_file):
    require(content_file, "title", "slug", "summary", "order", "group", "sources", "related")
    meta = content_file.meta
    return {
        "title": meta["title"],
        "summary": meta["summary"],
        "body": content_file.body,
        "order": meta["order"],
        "group": meta["group"],
        "sources": [source_fields(source) for source in meta["sources"]],
        "related": sorted(meta["related"]),
    }


def article_fields(article):
    """The same fields, as the database holds them now (works on historical models too)."""
    return {
        "title": article.title,
        "summary": article.summary,
        "body": article.body,
        "order": article.order,
        "group": article.group,
        "sources": [
            {"title": s.title, "url": s.url, "accessed": s.accessed}
            for s in article.sources.order_by("id")
        ],
        "related": sorted(article.related.values_list("slug", flat=True)),
    }


def site_page_fields_from_file(content_file):
    require(content_file, "title", "slug", "summary")
    meta = content_file.meta
    return {"title": meta["title"], "summary": meta["summary"], "body": content_file.body}


def site_page_fields(page):
    return {"title": page.title, "summary": page.summary, "body": page.body}


def translation_fields_from_file(fields_from_file):
    """A translation's fields: the page's, and the slug of the English page it translates."""

    def fields(content_file):
        require(content_file, "translation_of")
        return {
            **fields_from_file(content_file),
            "translation_of": content_file.meta["translation_of"],
        }

    return fields


def translation_fields(fields_of):
    def fields(page):
        english = page.translation_of.slug if page.translation_of_id else None
        return {**fields_of(page), "translation_of": english}

    return fields


class Outcome:
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_EDITORS_CHANGE = "kept: changed in the admin"


def decide(existing, current_fields, file_fields):
    """What loading a file does to its row (None when there is no row yet)."""
    if existing is None:
        return Outcome.CREATED
    if existing.content_hash != fingerprint(current_fields):
        return Outcome.KEPT_EDITORS_CHANGE
    if existing.content_hash == fingerprint(file_fields):
        return Outcome.UNCHANGED
    return Outcome.UPDATED
