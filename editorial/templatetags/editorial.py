from datetime import date

from django import template
from django.conf import settings
from django.contrib.admin.utils import quote
from django.urls import reverse

from editorial.admin import WORKFLOW_MODELS
from editorial.models import Draft

register = template.Library()


@register.simple_tag
def waiting_for_review():
    """Drafts submitted for clinical review, oldest first, each with its review page."""
    waiting = Draft.objects.waiting_for_review().select_related("content_type", "updated_by")
    return [(draft, _admin_url(draft, "review")) for draft in waiting.order_by("updated_at")]


@register.simple_tag
def reviews_due():
    """Pages never signed off, or whose review is overdue or falls due soon, soonest first."""
    due = [
        page
        for model in WORKFLOW_MODELS
        for page in model._default_manager.review_due_soon().select_related("latest_signoff")
    ]
    return sorted(due, key=lambda page: (page.next_review_due or date.min, str(page)))


@register.simple_tag
def review_warning_days():
    return settings.EDITORIAL_REVIEW_WARNING_DAYS


@register.filter
def row_summary(row):
    """An inline row (a source, say) in one line: its editable values, parent left out."""
    values = [
        getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if field.editable and not field.primary_key and not field.is_relation
    ]
    return ", ".join(str(value) for value in values if value not in ("", None))


@register.filter
def change_url(obj):
    return reverse(
        f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[quote(obj.pk)]
    )


def _admin_url(draft, page):
    content_type = draft.content_type
    return reverse(
        f"admin:{content_type.app_label}_{content_type.model}_{page}", args=[draft.object_id]
    )
