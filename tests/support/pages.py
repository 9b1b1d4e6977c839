"""Reading pages the way a reader meets them: parsed HTML and the site-wide promises."""

import gzip
import re

from bs4 import BeautifulSoup
from django.conf import settings

from common.content_generation import content_change_pending, current_generation
from education.shipped_content import load_red_flags

BLOCK_TAGS = ["p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "td", "th", "caption"]


def parse(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def alternates(soup):
    """{hreflang: address} of a parsed page's links to itself in each language."""
    return {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"]')}


def readable_text(element):
    """The text as a reader meets it: each block (paragraph, list item, heading) a sentence."""
    blocks = []
    for block in element.find_all(BLOCK_TAGS):
        if block.find(BLOCK_TAGS):
            continue  # its inner blocks are counted on their own
        words = " ".join(block.get_text(" ").split())
        if words:
            blocks.append(words if re.search(r"[.!?:]$", words) else words + ".")
    return " ".join(blocks)


def shown_signs(level):
    """A care level's signs from red_flags.yaml as a page shows them, the number filled in."""
    number = str(settings.EMERGENCY_NUMBER)
    return [sign.replace("{emergency_number}", number) for sign in load_red_flags()[level]]


def assert_public_page(soup):
    """What every public page must have: one h1, the skip link, the header and footer with
    the emergency advice and the footer links, a description and an icon."""
    assert len(soup.find_all("h1")) == 1, "exactly one h1"
    skip = soup.select_one("a.skip-link")
    assert skip and skip["href"] == "#main-content"
    assert soup.select_one("main#main-content")
    assert soup.select_one("header") and soup.select_one("footer")
    assert soup.find("a", href="/triage/", string=re.compile("Check your symptoms"))
    # The emergency signs, once: in the page, or else in the footer.
    footer_text = " ".join(soup.select_one("footer").get_text(" ").split())
    assert f"call {settings.EMERGENCY_NUMBER}" in footer_text.lower()
    page_text = " ".join(soup.get_text(" ").split())
    for sign in load_red_flags()["emergency"]:
        assert page_text.count(sign) == 1, f"the page lists this sign other than once: {sign}"
    footer_links = {a["href"] for a in soup.select("footer a")}
    assert {"/about/", "/privacy/", "/accessibility/"} <= footer_links
    assert soup.select_one('meta[name="description"]')["content"].strip()
    assert soup.select_one('link[rel="icon"]')


class WSGIResponse:
    """A response from a WSGI application, called as gunicorn would call it."""

    def __init__(self, application, environ):
        self.status, self.headers = None, {}
        result = application(environ, self.start_response)
        try:
            self.content = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()

    def start_response(self, status, headers):
        self.status, self.headers = int(status.split()[0]), dict(headers)

    def text(self):
        body = self.content
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return body.decode()


def stored_pages_version():
    """The content generation stored pages are kept under, as readers will find it once the
    test's own transaction commits: a change waiting for that commit counts as a new one."""
    return current_generation(), content_change_pending()
