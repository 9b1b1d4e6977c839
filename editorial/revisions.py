"""What every edited thing in the admin shares: revisions, an optional comment, and a refusal
to save over someone else's newer save (of the live object, or of its open draft)."""

import reversion
from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from reversion.admin import VersionAdmin

from editorial.drafts import latest_version, open_draft

COMMENT_FIELD = "revision_comment"
LOADED_VERSION_FIELD = "loaded_version"


class SavedState:
    """The latest save of an object: its open draft's, else its latest version's."""

    def __init__(self, obj):
        self.draft = open_draft(obj)
        self.version = None if self.draft else latest_version(obj)

    @property
    def token(self):
        if self.draft:
            return f"draft {self.draft.pk}.{self.draft.saves}"
        return f"version {self.version.pk}" if self.version else ""

    def stale_message(self):
        if self.draft:
            who, when = self.draft.updated_by, self.draft.updated_at
        else:
            who, when = self.version.revision.user, self.version.revision.date_created
        return stale_message(who, when)


class EditorialForm(forms.ModelForm):
    revision_comment = forms.CharField(
        required=False,
        max_length=200,
        label="Comment on this change",
        help_text="Optional. Shown in the page's history, e.g. “Reviewed with Dr Lee”.",
    )
    # The save the editor started from; a newer one at save time means a clash.
    loaded_version = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[LOADED_VERSION_FIELD].initial = SavedState(self.instance).token

    @property
    def changed_data(self):
        # The change message lists the content that changed, not this form's own fields.
        own = {COMMENT_FIELD, LOADED_VERSION_FIELD}
        return [name for name in super().changed_data if name not in own]

    def clean(self):
        cleaned = super().clean()
        current = SavedState(self.instance)
        if current.token and current.token != cleaned.get(LOADED_VERSION_FIELD):
            raise ValidationError(current.stale_message(), code="stale")
        return cleaned


def stale_message(user, when):
    who = user.get_username() if user else "someone"
    when = timezone.localtime(when).strftime("%B %-d, %Y at %-I:%M %p")
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

    def _url(self, page, object_id):
        """The address of one of this object's admin pages ("change", "history", ...)."""
        opts = self.opts
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{page}",
            args=[quote(object_id)],
            current_app=self.admin_site.name,
        )

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
