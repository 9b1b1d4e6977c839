"""Which languages a page exists in, for its hreflang links and the link to the other language.

English pages are at today's addresses and Spanish ones under /es/ (docs/languages.md). A view
whose page has a translation of its own (articles, site pages) passes `alternates`; a list or
search page exists in both languages at the same address words; any other page (the checker,
feedback and error pages) exists in its own language only, and links to the other language's
home page.
"""

from dataclasses import dataclass

from django.urls import reverse, translate_url
from django.utils import translation

from common.site_url import absolute_url

ENGLISH, SPANISH = "en", "es"
# The name of each language in itself, for the link to it.
OWN_NAMES = {ENGLISH: "English", SPANISH: "Español"}
SAME_ADDRESS_IN_BOTH = {"education:home", "education:article_list", "education:search"}


@dataclass(frozen=True)
class Alternate:
    language: str
    url: str  # an absolute address, as hreflang links need

    @property
    def own_name(self):
        return OWN_NAMES[self.language]


def other_language(language):
    return SPANISH if language == ENGLISH else ENGLISH


def page_alternates(page):
    """This article or site page and its published translation, by language."""
    found = [page]
    other = page.translation_in(other_language(page.language))
    if other is not None and other.is_published and getattr(other, "is_public", True):
        found.append(other)
    return [Alternate(each.language, _localized_url(each)) for each in found]


def _localized_url(page):
    with translation.override(page.language):
        return absolute_url(page.get_absolute_url())


def default_alternates(request):
    """A page listed in SAME_ADDRESS_IN_BOTH exists in both languages; any other only in its own."""
    language = translation.get_language()
    match = request.resolver_match
    if match and match.view_name in SAME_ADDRESS_IN_BOTH:
        return [
            Alternate(code, absolute_url(translate_url(request.path, code)))
            for code in (ENGLISH, SPANISH)
        ]
    return [Alternate(language, absolute_url(request.path))]


def languages(request):
    """Template context: `alternates`, the page's hreflang links (a view may pass its own),
    and the page's language."""
    return {"page_language": translation.get_language(), "alternates": default_alternates(request)}


def other_home(language):
    """The other language's home page, for pages that exist in one language only."""
    other = other_language(language)
    with translation.override(other):
        return Alternate(other, absolute_url(reverse("education:home")))


def site_page_slugs(language):
    """{English slug: the slug of that site page in this language}, for links to them."""
    from education.models import SitePage

    slugs = {slug: slug for slug in SitePage.Slug.values}
    return SitePage.SPANISH_SLUGS if language == SPANISH else slugs


def link_to_other_language(alternates, language, other_home):
    """The same page in the other language, or that language's home page."""
    others = [alternate for alternate in alternates if alternate.language != language]
    return others[0] if others else other_home


def x_default(alternates):
    """The page for readers whose language we do not have: English where it exists."""
    english = [alternate for alternate in alternates if alternate.language == ENGLISH]
    return (english or alternates)[0]
