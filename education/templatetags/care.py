"""The care signs every page shows, from one file, and the settings a page's text may name."""

import functools

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from education.illustrations import with_static_names
from education.shipped_content import load_red_flags

register = template.Library()


@functools.cache
def _red_flags(language):
    return load_red_flags(language)


@register.simple_tag
def care_signs(level):
    """The signs of a care level ("emergency", "also_emergency", "urgent" or "soon") from
    red_flags.yaml (es/red_flags.yaml on Spanish pages), with the settings they name filled
    in (the template escapes them)."""
    return [_filled(sign, str) for sign in _red_flags(translation.get_language())[level]]


def _setting_values():
    return {
        "{emergency_number}": settings.EMERGENCY_NUMBER,
        "{retention_days}": settings.TRIAGE_RETENTION_DAYS,
        "{session_hours}": settings.SESSION_COOKIE_AGE // 3600,
        "{review_months}": settings.EDITORIAL_REVIEW_INTERVAL_MONTHS,
    }


def _filled(text, shown):
    for placeholder, value in _setting_values().items():
        text = text.replace(placeholder, shown(value))
    return text


def with_settings_in_text(text):
    """Plain text with the settings it names filled in (a search result's snippet, say)."""
    return _filled(text, str)


@register.filter
def with_settings(html):
    """Fill in the settings a body names, such as {retention_days}, when the page is shown,
    and the current static address of each drawing (STATIC_URL and the static files'
    manifest are settings too)."""
    return mark_safe(with_static_names(_filled(html, lambda value: str(conditional_escape(value)))))
