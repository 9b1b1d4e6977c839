"""The workflow in the admin: drafts, preview, submission, the review screen and the audit
record, for any model whose admin is a WorkflowAdmin and whose model is `Reviewed`.

Every save of an existing object becomes its draft: the admin saves as usual inside a
transaction, the result is kept as the draft's snapshot, and the transaction rolls back, so
the live row never changes until a clinical reviewer approves. Opening the change form only
reads: the form is filled from the draft's snapshot. Adding (or recovering) an object saves
it hidden from readers, with its first draft.
"""

import json
import re

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import actions as admin_actions
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, resolve
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers

from editorial import drafts, notifications
from editorial.diff import word_diff
from editorial.forms import DecisionForm, SubmitForm
from editorial.models import Draft, ReviewerProfile, SignOff, WorkflowEvent
from editorial.readability import readability
from editorial.revisions import EditorialAdmin, restore_message

RECOVERING = "editorial_recovering"
# The open draft the change form being shown reads from (set on the request for one GET).
SHOWING_DRAFT = "editorial_showing_draft"
WITHDRAWN_MESSAGE = (
    "Saved the draft. It was waiting for clinical review, so the change took it out of "
    "review: submit it again when it is ready."
)
DRAFT_SAVED_MESSAGE = (
    "Saved as a draft. Readers still see the approved version. Preview the draft, then "
    "submit it for clinical review."
)


# The models under clinical sign-off, as their admins register: the dashboard lists their
# reviews due.
WORKFLOW_MODELS = []


class WorkflowAdmin(EditorialAdmin):
    change_form_template = "admin/editorial/change_form.html"
    actions = ["delete_selected"]  # this class's own, which refuses what may not be deleted

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        WORKFLOW_MODELS.append(model)

    # Drafts -----------------------------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The change form shows, and saves into, the open draft."""
        view = super().change_view
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return view(request, object_id, form_url, extra_context)  # Django's "not found"
        if request.method == "POST":
            return self._save_into_draft(request, obj, object_id, form_url, extra_context)
        draft = drafts.open_draft(obj)
        context = {**self._workflow_context(request, obj, draft), **(extra_context or {})}
        # Read-only: get_object and the inline formsets read the draft from its snapshot. No
        # revision block either (nothing to record), so no transaction: on SQLite, whose
        # transactions take the write lock as they begin, showing a form blocks no save.
        setattr(request, SHOWING_DRAFT, draft)
        return self.changeform_view(request, object_id, form_url, context)

    def _save_into_draft(self, request, obj, object_id, form_url, extra_context):
        """The admin's own save over the draft put in place, kept as the draft.

        The draft is written to the live rows, the admin's change view saves the form over
        them, the snapshot of the result becomes the draft, and every live write is rolled
        back. Why not write only the draft, as Wagtail's revisions do: the change view
        validates and saves the page with its inlines (sources, pictures, related articles)
        itself, against real rows; going through it keeps every rule of that form and its
        inlines in one place, instead of a second copy of them for drafts. Readers never see
        the passing rows: they are never committed.

        The page stays locked from before the form's out-of-date check until the draft is
        recorded, so a second save of the same page waits, then finds this one.
        """
        with transaction.atomic():
            live = drafts.lock_page(obj)
            draft = drafts.open_draft(live)
            context = {**self._workflow_context(request, live, draft), **(extra_context or {})}
            try:
                with drafts.draft_in_place(draft) as renumbered:
                    request.POST = renumbered_rows(request.POST, live, renumbered)
                    return rendered(super().change_view(request, object_id, form_url, context))
            except drafts.RollBackAndKeepAsDraft as saved:
                return self._keep_draft(request, object_id, saved)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        draft = getattr(request, SHOWING_DRAFT, None)
        return drafts.show_snapshot(obj, draft.snapshot) if obj and draft else obj

    def get_formsets_with_inlines(self, request, obj=None):
        draft = getattr(request, SHOWING_DRAFT, None)
        rows = drafts.draft_children(draft.snapshot) if draft else {}
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            name = formset.fk.remote_field.get_accessor_name()
            yield (showing_rows(formset, rows[name]) if name in rows else formset), inline

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restoring an older version makes it the draft, for review like any change.

        Showing or restoring a version writes it to the live rows and rolls it back, so
        readers' pages stay as they are (nothing is committed); only the draft is kept.
        """
        obj = self.get_object(request, unquote(object_id))
        with transaction.atomic():
            if obj is not None and request.method == "POST":
                drafts.lock_page(obj)  # as a save: the out-of-date check and the draft, together
            try:
                return super().revision_view(request, object_id, version_id, extra_context)
            except drafts.RollBackAndKeepAsDraft as saved:
                return self._keep_draft(request, object_id, saved)

    def recover_view(self, request, version_id, extra_context=None):
        setattr(request, RECOVERING, True)
        return super().recover_view(request, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        if not change or getattr(request, RECOVERING, False):
            obj.hide()  # readers see a new or recovered object only once it is approved
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        snapshot = drafts.take_snapshot(form.instance, self._children(request, form.instance))
        message = restore_message(request) or self._change_summary(request, form, formsets, change)
        if change and not getattr(request, RECOVERING, False):
            raise drafts.RollBackAndKeepAsDraft(snapshot, message)
        drafts.record_draft(form.instance, snapshot, request.user, message, draft_action(request))

    # Deleting (who may, and what goes with the page: editorial/drafts.py) ------------------

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or drafts.may_delete(obj, request.user))

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        refused = obj is not None and not drafts.may_delete(obj, request.user)
        if refused and self.has_delete_permission(request):  # else Django's "forbidden"
            messages.error(request, drafts.delete_refusal(obj, request.user))
            return HttpResponseRedirect(self._url("change", obj.pk))
        try:
            # Django's view is one transaction: a refusal also undoes its log entry.
            return super().delete_view(request, object_id, extra_context)
        except drafts.Refused as refusal:  # the page was signed off while they confirmed
            messages.error(request, str(refusal))
            return HttpResponseRedirect(self._url("change", obj.pk))

    @admin.action(permissions=["delete"], description="Delete selected %(verbose_name_plural)s")
    def delete_selected(self, request, queryset):
        """Django's own delete action, once none of the pages chosen is refused."""
        refused = [obj for obj in queryset if not drafts.may_delete(obj, request.user)]
        if refused:
            for obj in refused:
                messages.error(request, drafts.delete_refusal(obj, request.user))
            return None  # back to the list, nothing deleted
        try:
            # One transaction with Django's log entries, so a refusal leaves no trace either.
            with transaction.atomic():
                return admin_actions.delete_selected(self, request, queryset)
        except drafts.Refused as refusal:  # a page was signed off while they confirmed
            messages.error(request, str(refusal))
            return None

    def delete_model(self, request, obj):
        drafts.delete_page(obj, request.user)

    def delete_queryset(self, request, queryset):
        drafts.delete_pages(queryset, request.user)

    def response_add(self, request, obj, post_url_continue=None):
        return self._to_change_form(request, obj.pk, DRAFT_SAVED_MESSAGE)

    def _keep_draft(self, request, object_id, saved):
        obj = self.get_object(request, unquote(object_id))
        before = drafts.open_draft(obj)
        drafts.record_draft(obj, saved.snapshot, request.user, saved.message, draft_action(request))
        if restore_message(request):
            # The restore itself rolled back (with its log entry): the history keeps its draft.
            self.log_change(request, obj, saved.message)
        if before and before.state == Draft.State.SUBMITTED:
            return self._to_change_form(request, object_id, WITHDRAWN_MESSAGE)
        return self._to_change_form(request, object_id, DRAFT_SAVED_MESSAGE)

    def _change_summary(self, request, form, formsets, change):
        changes = self.construct_change_message(request, form, formsets, add=not change)
        summary = LogEntry(change_message=json.dumps(changes)).get_change_message()
        comment = form.cleaned_data.get("revision_comment", "")
        return f"{summary} Comment: {comment}" if comment else summary

    def _children(self, request, obj):
        """The related names of the inline rows this admin edits (a page's sources, say)."""
        return [
            formset.fk.remote_field.get_accessor_name()
            for formset, _ in self.get_formsets_with_inlines(request, obj)
        ]

    # Views --------------------------------------------------------------------------------

    def get_urls(self):
        opts = self.opts
        name = f"{opts.app_label}_{opts.model_name}"
        own = [
            path(
                "<path:object_id>/preview/", self._view(self.preview_view), name=f"{name}_preview"
            ),
            path("<path:object_id>/submit/", self._view(self.submit_view), name=f"{name}_submit"),
            path("<path:object_id>/review/", self._view(self.review_view), name=f"{name}_review"),
            path("<path:object_id>/audit/", self._view(self.audit_view), name=f"{name}_audit"),
        ]
        return own + super().get_urls()

    def _view(self, view):
        return self.admin_site.admin_view(view)

    def preview_view(self, request, object_id):
        """The draft through the reader's own view and template, exactly as it will look."""
        obj = self._object_or_404(request, object_id, self.has_change_permission)
        # The reader's page says it is a draft, and leads back to the editor (base.html).
        request.draft_preview_editor_url = self._url("change", object_id)
        # In the page's language: its address (/es/...) resolves, and the view reads it, only so.
        language = getattr(obj, "language", settings.LANGUAGE_CODE)
        with drafts.draft_in_place(drafts.open_draft(obj)), translation.override(language):
            match = resolve(type(obj)._default_manager.get(pk=obj.pk).get_absolute_url())
            response = rendered(match.func(request, *match.args, **match.kwargs))
        add_never_cache_headers(response)
        return response

    def submit_view(self, request, object_id):
        obj = self._object_or_404(request, object_id, self.has_change_permission)
        draft = drafts.open_draft(obj)
        if draft is None:
            return self._to_change_form(request, object_id)
        form = SubmitForm(request.POST or None)
        status = 200
        if request.method == "POST":
            status = 400
            if form.is_valid():
                note = form.cleaned_data["note"]
                try:
                    drafts.submit(draft, request.user, note)
                except drafts.Refused as refusal:
                    messages.error(request, str(refusal))
                    status = 403
                else:
                    review_url = request.build_absolute_uri(self._url("review", object_id))
                    notifications.tell_reviewers(draft, request.user, note, review_url)
                    return self._to_change_form(
                        request,
                        object_id,
                        f"Sent “{draft.title}” for clinical review. Readers see the approved "
                        "version until a clinical reviewer approves it.",
                    )
        context = {
            "draft": draft,
            "submit_form": form,
            "readability": readability(drafts.draft_object(draft.snapshot).reader_html()),
        }
        return self._render(request, "submit", obj, context, status=status)

    def review_view(self, request, object_id):
        """Draft beside live, what changes for readers, and the reviewer's decision."""
        obj = self._object_or_404(request, object_id, self.has_view_or_change_permission)
        draft = drafts.open_draft(obj)
        form = DecisionForm(request.POST or None)
        status = 200
        if request.method == "POST":
            status = 400
            if form.is_valid():
                try:
                    return self._decide(request, obj, draft, form.cleaned_data)
                except drafts.Refused as refusal:
                    messages.error(request, str(refusal))
                    status = 403
        context = {**self._review_context(request, obj, draft), "decision_form": form}
        return self._render(request, "review", obj, context, status=status)

    def _decide(self, request, obj, draft, decision):
        comment = decision["comment"].strip()
        if decision["decision"] == DecisionForm.NO_CHANGES:
            signoff = drafts.mark_reviewed(obj, request.user, comment)
            return self._to_change_form(
                request,
                obj.pk,
                f"Recorded your review. Next review due {signoff.next_review_due:%B %-d, %Y}.",
            )
        if draft is None:
            raise drafts.Refused("There is no draft waiting for review.")
        change_url = request.build_absolute_uri(self._url("change", obj.pk))
        if decision["decision"] == DecisionForm.APPROVE:
            signoff = drafts.approve(draft, request.user, comment, decision["saves"])
            notifications.tell_editors(draft, request.user, "Approved", comment, change_url)
            return self._to_change_form(request, obj.pk, approved_message(signoff))
        drafts.send_back(draft, request.user, comment)
        notifications.tell_editors(draft, request.user, "Sent back", comment, change_url)
        return self._to_change_form(
            request, obj.pk, "Sent back to the editor with your comment. The draft is kept."
        )

    def audit_view(self, request, object_id):
        obj = self._object_or_404(request, object_id, self.has_view_or_change_permission)
        context = {
            "children": [(name, getattr(obj, name).all()) for name in self._children(request, obj)],
            "versions": drafts.versions_of(obj),
            "events": WorkflowEvent.objects.for_object(obj).select_related("user", "draft"),
            "sign_offs": SignOff.objects.for_object(obj).select_related("version__revision"),
            "extra": self.audit_extra(obj),
        }
        return self._render(request, "audit", obj, context)

    def audit_extra(self, obj):
        """Model-specific lines for the audit record (e.g. reader feedback): (label, html)."""
        return []

    # Context ------------------------------------------------------------------------------

    def _workflow_context(self, request, obj, draft):
        shown = drafts.draft_object(draft.snapshot) if draft else obj
        return {
            "draft": draft,
            "sent_back": draft.latest_event(WorkflowEvent.Action.SENT_BACK) if draft else None,
            "readability": readability(shown.reader_html()),
            "may_review": draft is not None and drafts.may_review(draft, request.user),
            "is_reviewer": request.user.has_perm(drafts.APPROVE_PERMISSION),
            "workflow_urls": self._urls(obj.pk),
            "live_object": obj,
        }

    def _review_context(self, request, obj, draft):
        context = {
            "draft": draft,
            "is_reviewer": request.user.has_perm(drafts.APPROVE_PERMISSION),
            "live_readability": readability(obj.reader_html()),
        }
        if draft is None or draft.state != Draft.State.SUBMITTED:
            return context
        shown = drafts.draft_object(draft.snapshot)
        children = drafts.draft_children(draft.snapshot)
        return {
            **context,
            "draft_object": shown,
            "children": [(name, getattr(obj, name).all(), rows) for name, rows in children.items()],
            "submitted": draft.latest_event(WorkflowEvent.Action.SUBMITTED),
            "diff": word_diff(obj.reader_html(), shown.reader_html()),
            "readability": readability(shown.reader_html()),
            "may_review": drafts.may_review(draft, request.user),
            "own_change": draft.editors.filter(pk=request.user.pk).exists(),
        }

    def _render(self, request, page, obj, context, status=200):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": f"{PAGE_TITLES[page]}: {obj}",
            "page_name": PAGE_TITLES[page],
            "review_interval": settings.EDITORIAL_REVIEW_INTERVAL_MONTHS,
            "workflow_urls": self._urls(obj.pk),
            **context,
        }
        return TemplateResponse(request, f"admin/editorial/{page}.html", context, status=status)

    # Helpers ------------------------------------------------------------------------------

    def _object_or_404(self, request, object_id, permission):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(f"No {self.opts.verbose_name} with this number.")
        if not permission(request, obj):
            raise PermissionDenied
        return obj

    def _urls(self, object_id):
        pages = ["change", "preview", "submit", "review", "audit", "history"]
        return {page: self._url(page, object_id) for page in pages}

    def _to_change_form(self, request, object_id, message=None):
        if message:
            messages.success(request, message)
        return HttpResponseRedirect(self._url("change", object_id))


def draft_action(request):
    """How the audit record names a draft kept from this request: a save, or a restore."""
    if restore_message(request):
        return WorkflowEvent.Action.RESTORED
    return WorkflowEvent.Action.SAVED


def showing_rows(formset_class, rows):
    """The inline formset, its rows the draft's (unsaved) instead of the live ones."""

    class DraftRows(formset_class):
        def get_queryset(self):
            return rows

    return DraftRows


def renumbered_rows(data, live, renumbered):
    """The posted form with each inline row that got a new number, when the draft was put in
    place, pointing at its new number (the form showed the snapshot's)."""
    if not renumbered:
        return data
    data = data.copy()
    for name, numbers in renumbered.items():
        # A row's number is posted as <related name>-<row>-<primary key name>.
        row_number = re.compile(
            rf"^{re.escape(name)}-\d+-{getattr(live, name).model._meta.pk.name}$"
        )
        for key in data:
            if row_number.match(key) and data[key].isdigit() and int(data[key]) in numbers:
                data[key] = str(numbers[int(data[key])])
    return data


def rendered(response):
    """The response with its page made now (a TemplateResponse waits), while a draft is in
    place."""
    if hasattr(response, "render"):
        response.render()
    return response


def approved_message(signoff):
    if signoff.goes_live_at <= signoff.signed_at:
        return "Approved. Readers now see the new version."
    when = timezone.localtime(signoff.goes_live_at)
    return f"Approved. Readers see the new version from {when:%B %-d, %Y at %-I:%M %p}."


PAGE_TITLES = {
    "submit": "Submit for clinical review",
    "review": "Clinical review",
    "audit": "Audit record",
}


class ReviewerProfileInline(admin.StackedInline):
    model = ReviewerProfile
    can_delete = False
    verbose_name = verbose_name_plural = "Clinical reviewer"


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class UserWithRoleAdmin(UserAdmin):
    """A reviewer's full name and clinical role are what readers see under a page."""

    inlines = [ReviewerProfileInline]
