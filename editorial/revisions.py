"""What every edited thing in the admin shares: revisions, an optional comment, and a refusal
to save over someone else's newer save (of the live object, or of its open draft)."""

from contextlib import nullcontext

import reversion
from django import forms
from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version
from reversion.revisions import _get_options
from reversion.utils import mute_signals

from editorial.drafts import latest_version, open_draft

COMMENT_FIELD = "revision_comment"
LOADED_VERSION_FIELD = "loaded_version"
# Set on the request while a version is restored: the Version, and whether the change form
# saved over it (if not, everything the restore wrote is rolled back).
RESTORING = "editorial_restoring"
RESTORE_FORM_SAVED = "editorial_restore_form_saved"


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
        # Browsers send a text box's line breaks as CRLF: kept, an untouched multi-line text
        # would read as changed (in the draft's diff, and a release's Spanish changes).
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = value.replace("\r\n", "\n").replace("\r", "\n")
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


class _RollBackAfterShowing(Exception):
    """Carries the page that showed a version out of the transaction that wrote it."""

    def __init__(self, response):
        super().__init__("shown only")
        self.response = response


def copy_refused():
    return HttpResponseBadRequest("Saving a copy is not offered here. Nothing was saved.")


class EditorialAdmin(VersionAdmin):
    """Every save is a revision with its author and an optional comment; history shows the
    revisions and Django's log entries side by side.

    Restoring (an older version of an object) and recovering (a deleted one) are our own
    views, not django-reversion's: they accept only a version of this admin's model (and,
    restoring, of this object), ask the permissions a change asks, write back that one
    version with the rows it follows (an article's sources, a rule's conditions) and
    nothing else of its revision, and keep the result only when the admin's own save went
    through, so every check a save makes (a draft, the safety gate) holds for a restore too.
    """

    form = EditorialForm

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if self._saving_a_copy(request):
            return copy_refused()
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _saving_a_copy(self, request):
        # Django's admin takes "_saveasnew" as "save a copy" even where save_as is off: a copy
        # would be a new live row, past the draft, the sign-off and a restore's own checks.
        return "_saveasnew" in request.POST and not self.save_as

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
        entry = super().log_change(request, obj, restore_message(request) or message)
        self._add_comment(request, entry)
        return entry

    def save_model(self, request, obj, form, change):
        request.revision_comment = form.cleaned_data.get(COMMENT_FIELD, "")
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        setattr(request, RESTORE_FORM_SAVED, True)

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

    # Restoring and recovering ---------------------------------------------------------------

    def revision_view(self, request, object_id, version_id, extra_context=None):
        object_id = unquote(object_id)
        obj = self.get_object(request, object_id)
        versions = Version.objects.get_for_object_reference(self.model, object_id)
        version = versions.filter(pk=version_id).select_related("revision__user").first()
        if obj is None or version is None:
            raise Http404(f"This {self.opts.verbose_name} has no version with this number.")
        if request.method == "POST":
            allowed = self.has_change_permission(request, obj)
        else:
            allowed = self.has_view_or_change_permission(request, obj)
        if not allowed:
            raise PermissionDenied
        context = {"title": f"Revert {version.object_repr}", "revert": True}
        template = self.revision_form_template or self._reversion_get_template_list(
            "revision_form.html"
        )
        return self._restore(request, version, template, {**context, **(extra_context or {})})

    def recover_view(self, request, version_id, extra_context=None):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        deleted = Version.objects.get_deleted(self.model)
        version = deleted.filter(pk=version_id).select_related("revision__user").first()
        if version is None:
            raise Http404(f"No deleted {self.opts.verbose_name} has a version with this number.")
        context = {"title": f"Recover {version.object_repr}", "recover": True}
        template = self.recover_form_template or self._reversion_get_template_list(
            "recover_form.html"
        )
        return self._restore(request, version, template, {**context, **(extra_context or {})})

    def _restore(self, request, version, template, context):
        """Write the version back and run the admin's change form over it.

        Showing it (GET) always rolls back, with signals muted so nothing is told of a
        change that never happens. Posting keeps the change only if the form saved: a
        refusal, a "does not exist" redirect or an error page all roll it back.
        """
        if self._saving_a_copy(request):
            return copy_refused()
        setattr(request, RESTORING, version)
        # A refused first try (the safety gate) saved nothing.
        setattr(request, RESTORE_FORM_SAVED, False)
        showing = request.method != "POST"
        signals = (pre_save, post_save, pre_delete, post_delete, m2m_changed)
        try:
            with (
                transaction.atomic(using=version.db),
                mute_signals(*signals) if showing else nullcontext(),
            ):
                revert_one(version)
                with self.create_revision(request):
                    response = self.changeform_view(
                        request, quote(version.object_id), request.path, context
                    )
                    if showing or not getattr(request, RESTORE_FORM_SAVED, False):
                        raise _RollBackAfterShowing(self._shown(response, template))
        except _RollBackAfterShowing as shown:
            return shown.response
        except (RevertError, models.ProtectedError, IntegrityError) as error:
            messages.error(request, f"Nothing was restored: {error}")
            return HttpResponseRedirect(self._back_from_restoring(version))
        return response

    def _back_from_restoring(self, version):
        """The object's history, or the list when it is deleted (a failed recovery)."""
        if self.model._default_manager.filter(pk=version.object_id).exists():
            return self._url("history", version.object_id)
        opts = self.opts
        return reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")

    def _shown(self, response, template):
        if response.status_code != 200:
            raise RevertError("the version could not be shown as a form.")
        response.template_name = template
        return response.render()


def restore_message(request):
    """What the history says of a restore or a recovery in progress, else ""."""
    version = getattr(request, RESTORING, None)
    if version is None:
        return ""
    saved = timezone.localtime(version.revision.date_created).strftime("%d %B %Y at %H:%M")
    who = version.revision.user.get_username() if version.revision.user else "the content loader"
    return f"Restored version {version.pk}, saved on {saved} by {who}."


def revert_one(version):
    """Write back this one version, with the rows its object follows (an article's sources)
    as the same revision saved them for it; nothing else of the revision."""
    version.revert()
    obj = version._model._default_manager.filter(pk=version.object_id).first()
    if obj is None:
        raise RevertError("the version could not be read back.")
    same_revision = version.revision.version_set.exclude(pk=version.pk)
    for name in _get_options(type(obj)).follow:
        relation = obj._meta.get_field(name)
        if not relation.one_to_many:
            continue  # only inline rows belong to the object; other relations are its own
        rows = relation.related_model
        parent = relation.field.attname
        kept = []
        for row in same_revision.filter(content_type=ContentType.objects.get_for_model(rows)):
            if str(row.field_dict.get(parent)) != str(obj.pk):
                continue  # another object's row, saved in the same revision
            if rows._default_manager.filter(pk=row.object_id).exclude(**{parent: obj.pk}).exists():
                raise RevertError(f"its row “{row.object_repr}” now belongs to something else.")
            row.revert()
            kept.append(row.object_id)
        rows._default_manager.filter(**{parent: obj.pk}).exclude(pk__in=kept).delete()
