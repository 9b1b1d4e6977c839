"""Spanish pages as a reader meets them: their visible text, and the English interface
strings of the catalog that must not show on them (docs/languages.md)."""

import re

from bs4 import BeautifulSoup
from django.conf import settings

LOCALE_PO = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
MSGID = re.compile(r'^msgid "(.+)"$', re.MULTILINE)


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
    """The words a reader of the page's own language sees: a link to the other language,
    marked with its own `lang`, is not part of it."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    for other_language in soup.select("body [lang]"):
        other_language.decompose()
    return " ".join(soup.get_text(" ").split())
