"""What every edited thing in the admin shares: revisions, an optional comment, and a refusal
to save over someone else's newer save."""

import reversion
from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone
from reversion.admin import VersionAdmin
from reversion.models import Version

COMMENT_FIELD = "revision_comment"
LOADED_VERSION_FIELD = "loaded_version"


def latest_version(obj):
    if obj is None or obj.pk is None:
        return None
    return (
        Version.objects.get_for_object(obj).select_related("revision__user").order_by("-pk").first()
    )


class EditorialForm(forms.ModelForm):
    revision_comment = forms.CharField(
        required=False,
        max_length=200,
        label="Comment on this change",
        help_text="Optional. Shown in the page's history, e.g. “Reviewed with Dr Lee”.",
    )
    # The version the editor started from; a newer one at save time means a clash.
    loaded_version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        version = latest_version(self.instance)
        self.fields[LOADED_VERSION_FIELD].initial = version.pk if version else 0

    @property
    def changed_data(self):
        # The change message lists the content that changed, not this form's own fields.
        own = {COMMENT_FIELD, LOADED_VERSION_FIELD}
        return [name for name in super().changed_data if name not in own]

    def clean(self):
        cleaned = super().clean()
        current = latest_version(self.instance)
        loaded = cleaned.get(LOADED_VERSION_FIELD) or 0
        if current is not None and current.pk != loaded:
            raise ValidationError(stale_message(current), code="stale")
        return cleaned


def stale_message(version):
    revision = version.revision
    who = revision.user.get_username() if revision.user else "someone"
    when = timezone.localtime(revision.date_created).strftime("%d %B %Y at %H:%M")
    return (
        f"{who} saved this on {when}, after you opened it. Your changes were not saved, "
        "so nothing of theirs was overwritten. Reload this page to see their version, then "
        "make your changes again."
    )


class EditorialAdmin(VersionAdmin):
    """Every save is a revision with its author and an optional comment; history shows the
    revisions and Django's log entries side by side."""

    form = EditorialForm
    object_history_template = "admin/editorial_history.html"
    editorial_fieldset = ("Save", {"fields": [COMMENT_FIELD, LOADED_VERSION_FIELD]})

    def get_fieldsets(self, request, obj=None):
        # Without declared fieldsets Django lists the form's extra fields too: move them last.
        own = {COMMENT_FIELD, LOADED_VERSION_FIELD}
        fieldsets = [
            (title, {**options, "fields": [f for f in options["fields"] if f not in own]})
            for title, options in super().get_fieldsets(request, obj)
        ]
        return [*fieldsets, self.editorial_fieldset]

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._add_comment(request, entry)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._add_comment(request, entry)
        return entry

    def save_model(self, request, obj, form, change):
        request.revision_comment = form.cleaned_data.get(COMMENT_FIELD, "")
        super().save_model(request, obj, form, change)

    def _add_comment(self, request, entry):
        comment = getattr(request, "revision_comment", "")
        if comment and reversion.is_active():
            reversion.set_comment(f"{entry.get_change_message()} Comment: {comment}")

    def history_view(self, request, object_id, extra_context=None):
        log_entries = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=object_id
        ).select_related("user")
        context = {"log_entries": log_entries, **(extra_context or {})}
        return super().history_view(request, object_id, context)
