"""The result page's stretch steps as a reader should meet them: linked to the article
section that shows them drawn, and for older adults with the sitting or lying stretch before
the standing one, as their block advises (stretch sitting or lying down, so you do not fall).
Which steps and drawings: triage/advice_drawings.json."""

import functools
import json
import re
from pathlib import Path

from education.models import Article

DATA_FILE = Path(__file__).resolve().parent / "advice_drawings.json"
HEADING = re.compile(r"^## +(.+?)\s*$")
DRAWING = re.compile(r"^!\[\[illustration:([\w-]+)\]\]$")
SENTENCE_END = re.compile(r"(?<=\.)\s+")


@functools.cache
def _data():
    return json.loads(DATA_FILE.read_text())


def drawing_places():
    """{step key: the published article section showing the most of the step's drawings}."""
    sections = [
        (f"{article.get_absolute_url()}#{anchor}", drawings)
        # The checker's language's articles (English until it is translated).
        for article in Article.objects.in_active_language()
        .published()
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


def step_text(step, factor_keys):
    """The step's words for this reader: seated first where the data asks for it."""
    seated = _data()["seated_first"]
    if seated["factor"] in factor_keys and step.key in seated["steps"]:
        return seated_first(step.text_shown())
    return step.text_shown()


def seated_first(text):
    """ "Stand ... Or sit ..." becomes "Sit ... Or stand ..."; any other text is kept."""
    sentences = SENTENCE_END.split(text)
    for index in range(len(sentences) - 1):
        standing, seated = sentences[index], sentences[index + 1]
        if standing.startswith("Stand ") and re.match(r"Or (sit|lie) ", seated):
            sentences[index] = seated[3].upper() + seated[4:]
            sentences[index + 1] = "Or s" + standing[1:]
            return " ".join(sentences)
    return text
