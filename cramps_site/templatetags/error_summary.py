"""The error summary's entries: each thing said once (GOV.UK's error summary).

Questions left unanswered are one entry, not one a question: six empty yes or no questions
would otherwise fill a phone's screen before the first question. Any other message is listed
once, however many questions it applies to, and links to the first of them. Each question
still shows its own message beside it.
"""

from django import template
from django.utils.translation import gettext

register = template.Library()

UNANSWERED = {"required", "invalid_choice"}  # a junk value is asked for again like a missing one


def _anchor(field):
    """A group of radios or checkboxes is reached through its first box."""
    grouped = field.widget_type in ("radioselect", "checkboxselectmultiple")
    return f"#{field.auto_id}_0" if grouped else f"#{field.auto_id}"


def _unanswered_entry(fields):
    if len(fields) == 1:
        return (_anchor(fields[0]), fields[0].errors[0])
    message = gettext("Answer every question: %(count)s have no answer yet")
    return (_anchor(fields[0]), message % {"count": len(fields)})


@register.simple_tag
def error_summary_entries(form):
    """(link, message) pairs, in the order of the fields."""
    unanswered, others = [], {}
    errors_by_field = form.errors.as_data()
    for field in form:
        errors = errors_by_field.get(field.name, [])
        if errors and all(error.code in UNANSWERED for error in errors):
            unanswered.append(field)
            continue
        for message in field.errors:
            others.setdefault(message, _anchor(field))
    entries = [_unanswered_entry(unanswered)] if unanswered else []
    return entries + [(anchor, message) for message, anchor in others.items()]
