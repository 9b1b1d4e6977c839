"""The site's own line drawings: SVG files in static/img/illustrations/, with their text
alternatives and captions in education/content/illustrations.json (in Spanish, by the same
names, in education/content/es/illustrations.json)."""

import functools
import json
import re
from pathlib import Path

from django.conf import settings
from django.templatetags.static import static

from education.rendering import Figure

CONTENT_DIR = Path(__file__).resolve().parent / "content"
# The drawings, their files and sizes are the English file's; a language's file gives its words.
WORDS_FILES = {
    "en": CONTENT_DIR / "illustrations.json",
    "es": CONTENT_DIR / "es" / "illustrations.json",
}
STATIC_FOLDER = "img/illustrations"


@functools.cache
def illustrations(language="en"):
    """{name: {"alt", "caption", "width", "height"}}, read once per process."""
    drawings = json.loads(WORDS_FILES["en"].read_text())["illustrations"]
    if language == "en":
        return drawings
    words = json.loads(WORDS_FILES[language].read_text())["illustrations"]
    return {name: {**data, **words[name]} for name, data in drawings.items()}


def illustration_figure(name, language="en"):
    data = illustrations(language).get(name)
    if data is None:
        return None
    # The plain static name: article HTML is stored, and a hashed name would go stale at the
    # next collectstatic. Pages show the hashed name (with_static_names).
    return Figure(
        src=f"{settings.STATIC_URL}{STATIC_FOLDER}/{name}.svg",
        width=data["width"],
        height=data["height"],
        alt=data["alt"],
        caption=data["caption"],
    )


def illustration_figures(references, language="en"):
    """{reference: Figure} for the references that name one of our drawings."""
    found = {}
    for reference in references:
        kind, name = reference.split(":", 1)
        if kind == "illustration" and (figure := illustration_figure(name, language)):
            found[reference] = figure
    return found


@functools.cache
def _plain_src():
    return re.compile(rf'src="{re.escape(settings.STATIC_URL)}({STATIC_FOLDER}/[a-z0-9-]+\.svg)"')


def with_static_names(html):
    """Stored HTML with each drawing at its hashed static address (after collectstatic),
    which browsers and proxies keep for good: a changed drawing gets a new address."""
    return _plain_src().sub(lambda found: f'src="{_static_or_plain(found.group(1))}"', html)


def _static_or_plain(path):
    # A page saved before a drawing was renamed or removed keeps its plain address (a
    # missing picture) rather than failing the whole page.
    try:
        return static(path)
    except ValueError:
        return settings.STATIC_URL + path
