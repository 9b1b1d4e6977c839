"""What a Spanish page must not show: the catalog's English interface strings, in its text or
in the attributes a reader meets (alt text, labels, the meta description)."""

import re
from pathlib import Path

from bs4 import BeautifulSoup
from django.conf import settings

LOCALE_PO = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"
MSGID = re.compile(r'^msgid "(.+)"$', re.MULTILINE)
# Attributes whose words a reader sees or hears.
READER_ATTRIBUTES = ["alt", "aria-label", "title", "placeholder"]


def english_interface_strings():
    """The catalog's English strings that a Spanish translation changes (not names such as
    "No", which read the same), without their placeholders."""
    text = LOCALE_PO.read_text(encoding="utf-8")
    strings = []
    for entry in text.split("\n\n")[1:]:
        msgid = MSGID.search(entry)
        msgstr = re.search(r'^msgstr(?:\[0\])? "(.*)"$', entry, re.MULTILINE)
        if msgid and msgstr and msgid.group(1) != msgstr.group(1):
            strings.append(re.split(r"%\(\w+\)s", msgid.group(1).replace('\\"', '"'))[0])
    return [string for string in strings if len(string) > 6]


def visible_text(html):
    """The page's text, its <title>, and the reader-facing attributes and meta description,
    as a reader of the page's own language meets them: a link to the other language, marked
    with its own `lang`, is not part of it."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    for other_language in soup.select("body [lang]"):
        other_language.decompose()
    words = [soup.get_text(" ")]
    for tag in soup.find_all(True):
        words += [tag[name] for name in READER_ATTRIBUTES if isinstance(tag.get(name), str)]
    words += [meta["content"] for meta in soup.select('meta[name="description"][content]')]
    words += [meta["content"] for meta in soup.select('meta[property^="og:"][content]')]
    return " ".join(" ".join(words).split())


def english_strings_in(html, strings):
    text = visible_text(html)
    return [string for string in strings if string in text]
