"""The links between a page and the same page in the other language (education/languages.py)."""

from django import template
from django.urls import reverse
from django.utils import translation

from education.languages import (
    link_to_other_language,
    other_home,
    site_page_slugs,
    x_default,
)

register = template.Library()


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    alternates = context.get("alternates") or []
    return {"alternates": alternates, "x_default": x_default(alternates) if alternates else None}


@register.simple_tag(takes_context=True)
def other_language(context):
    """The same page in the other language, or that language's home page."""
    language = translation.get_language()
    return link_to_other_language(context.get("alternates") or [], language, other_home(language))


@register.simple_tag
def site_page_url(english_slug):
    """The address of a site page (named by its English slug) in the page's language."""
    slug = site_page_slugs(translation.get_language())[english_slug]
    return reverse("education:site_page", kwargs={"slug": slug})
