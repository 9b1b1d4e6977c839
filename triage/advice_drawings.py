"""The result page's stretch steps link to the article section that shows them drawn.
Which steps and drawings: triage/advice_drawings.json."""

import functools
import json
import re
from pathlib import Path

from education.models import Article

DATA_FILE = Path(__file__).resolve().parent / "advice_drawings.json"
HEADING = re.compile(r"^## +(.+?)\s*$")
DRAWING_REFERENCE = "![[illustration:"
DRAWING = re.compile(r"^!\[\[illustration:([\w-]+)\]\]$")


@functools.cache
def _data():
    return json.loads(DATA_FILE.read_text())


def drawing_places():
    """{step key: the published article section showing the most of the step's drawings}."""
    sections = [
        (f"{article.get_absolute_url()}#{anchor}", drawings)
        # The checker's language's articles (English until it is translated).
        # Only articles that place a drawing: a result page is built for each reader, and
        # the bodies of every other article would be read and parsed for nothing.
        for article in Article.objects.in_active_language()
        .published()
        .filter(body__contains=DRAWING_REFERENCE)
        .only("slug", "language", "body", "sections")
        for anchor, drawings in _drawings_by_section(article).items()
    ]
    places = {}
    for key, wanted in _data()["steps"].items():
        shown = [(len(set(wanted) & drawings), url) for url, drawings in sections]
        count, url = max(shown, default=(0, None), key=lambda pair: pair[0])
        if count:
            places[key] = url
    return places


def _drawings_by_section(article):
    """{section anchor: names of the drawings placed under that section's heading}."""
    anchors = {section["title"]: section["id"] for section in article.sections}
    found, anchor = {}, None
    for line in article.body.splitlines():
        if heading := HEADING.match(line):
            anchor = anchors.get(heading.group(1))
        elif anchor and (drawing := DRAWING.match(line.strip())):
            found.setdefault(anchor, set()).add(drawing.group(1))
    return found
