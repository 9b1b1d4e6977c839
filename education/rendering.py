"""Markdown to safe HTML, done once when an article is saved.

markdown-it-py turns CommonMark into HTML and gives each `h2`/`h3` an id for the contents
list; nh3 then keeps only an allowlist of tags, attributes and URL schemes, so nothing an
editor types (script, event handlers, `javascript:` links, iframes, forms, styles) can
reach a reader, however it is spelled or encoded.

A paragraph that is only a picture reference, `![[image:12]]` or
`![[illustration:side-lunge-stretch]]`, becomes a <figure> after sanitising, built from our
own template and escaped data. The allowlist therefore never admits <figure>, <picture> or
srcset: an editor's own raw HTML for them is still stripped.
"""

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

import nh3
from django.template.loader import render_to_string
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
# A reference alone in its paragraph, as it comes out of the sanitiser.
FIGURE_PARAGRAPH = re.compile(r"<p>!\[\[((?:image|illustration):[a-z0-9-]+)\]\]</p>")


@dataclass(frozen=True)
class Figure:
    """What a <figure> shows; srcset and webp_srcset stay empty for a single SVG."""

    src: str
    width: int
    height: int
    alt: str
    caption: str = ""
    credit: str = ""
    srcset: str = ""
    webp_srcset: str = ""


@dataclass(frozen=True)
class RenderedMarkdown:
    html: str
    sections: list  # [{"id": ..., "title": ...}] for each h2, in order
    references: list  # every picture reference, e.g. "image:12", in order
    missing: list  # the references find_figures did not know


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


def render_markdown(source, find_figures=None):
    """find_figures({"image:12", ...}) returns a Figure for each reference it knows."""
    tokens = _markdown.parse(source)
    taken, sections = set(RESERVED_IDS), []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ANCHORED_LEVELS:
            title = _plain_text(tokens[index + 1])
            anchor = _unique(slugify_heading(title), taken)
            token.attrSet("id", anchor)
            if token.tag == "h2":
                sections.append({"id": anchor, "title": title})
    html = sanitize_html(_markdown.renderer.render(tokens, _markdown.options, {}))
    references = FIGURE_PARAGRAPH.findall(html)
    figures = find_figures(set(references)) if find_figures and references else {}
    return RenderedMarkdown(
        html=place_figures(html, figures),
        sections=sections,
        references=references,
        missing=list(dict.fromkeys(r for r in references if r not in figures)),
    )


def place_figures(html, figures):
    """Each reference paragraph becomes its figure; an unknown one disappears, so readers
    never meet a broken picture (editors get an error before saving, see Article.clean)."""

    first = FIGURE_PARAGRAPH.search(html)

    def figure_html(match):
        figure = figures.get(match.group(1))
        if figure is None:
            return ""
        # The first picture, above the first section, is likely in view at once: load it now.
        eager = match.start() == first.start() and "<h2" not in html[: match.start()]
        return render_to_string(
            "education/includes/figure.html", {"figure": figure, "eager": eager}
        ).strip()

    return FIGURE_PARAGRAPH.sub(figure_html, html)


def sanitize_html(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_own_image_addresses,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def _own_image_addresses(tag, attribute, value):
    """An image may load only from this site (a relative address, such as our media or
    static files): one from another site would tell it who reads which page, and could
    change what readers see without a clinical review."""
    if tag == "img" and attribute == "src" and not is_own_address(value):
        return None
    return value


def is_own_address(url):
    # As browsers read an address: tabs and line breaks anywhere, and spaces and control
    # characters at either end, are dropped ("ht\ttps://host" is https://host).
    url = re.sub(r"[\t\n\r]", "", url).strip("".join(map(chr, range(0x21))))
    address = urlsplit(url)
    # Browsers read a backslash as a slash, so "/\\host" would reach another site too.
    return not (address.scheme or address.netloc or url.startswith("//") or "\\" in url)
