import json

from django import template
from django.utils.safestring import mark_safe

from education.models import publisher_data

register = template.Library()

# As Django's json_script: nothing in the data can close the script element or start markup.
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A JSON-LD block (a data block, never run as script, so the CSP does not object)."""
    payload = json.dumps(data, ensure_ascii=False).translate(ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.simple_tag
def publisher_json_ld():
    """The publisher as a JSON-LD Organization, when the settings name one."""
    publisher = publisher_data()
    return json_ld({"@context": "https://schema.org", **publisher}) if publisher else ""
