from django import template

from education.forms import HeaderSearchForm

register = template.Library()


@register.simple_tag
def header_search_form():
    """The header's search box, drawn like every other form field; it needs no query."""
    return HeaderSearchForm()
