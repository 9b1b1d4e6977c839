"""Markdown to safe HTML, done once when an article is saved.

markdown-it-py turns CommonMark into HTML and gives each `h2`/`h3` an id for the contents
list; nh3 then keeps only an allowlist of tags, attributes and URL schemes, so nothing an
editor types (script, event handlers, `javascript:` links, iframes, forms, styles) can
reach a reader, however it is spelled or encoded.
"""

import re
import unicodedata
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "i", "img",
    "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Ids the page templates use themselves; a heading never takes one of these.
RESERVED_IDS = {"main-content", "on-this-page", "when-to-get-help", "sources", "related"}
ANCHORED_LEVELS = {"h2", "h3"}

_markdown = MarkdownIt("commonmark", {"html": True})


@dataclass(frozen=True)
class RenderedMarkdown:
    html: str
    sections: list  # [{"id": ..., "title": ...}] for each h2, in order


def slugify_heading(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9\s-]", "", text.lower())
    return re.sub(r"[\s-]+", "-", text).strip("-") or "section"


def _unique(candidate, taken):
    unique, n = candidate, 2
    while unique in taken:
        unique, n = f"{candidate}-{n}", n + 1
    taken.add(unique)
    return unique


def _plain_text(inline_token):
    """The words of a heading, without any markup or raw HTML inside it."""
    words = (c.content for c in inline_token.children or [] if c.type in {"text", "code_inline"})
    return " ".join("".join(words).split())


def render_markdown(source):
    tokens = _markdown.parse(source)
    taken, sections = set(RESERVED_IDS), []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ANCHORED_LEVELS:
            title = _plain_text(tokens[index + 1])
            anchor = _unique(slugify_heading(title), taken)
            token.attrSet("id", anchor)
            if token.tag == "h2":
                sections.append({"id": anchor, "title": title})
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return RenderedMarkdown(html=sanitize_html(html), sections=sections)


def sanitize_html(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
