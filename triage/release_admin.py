"""The checker's releases in the admin: submit the draft, review it, put an earlier release
back, and the printable audit of every release (docs/clinical-safety.md, "Releases")."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods

from editorial import notifications
from editorial.drafts import APPROVE_PERMISSION
from editorial.forms import DecisionForm, SubmitForm
from triage import release_diff, releases
from triage.models import CheckerRelease, draft_snapshot


class CheckerDecisionForm(DecisionForm):
    """An article's decision form, for the checker: approve or send back."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [
            (self.APPROVE, "Approve and publish"),
            (self.SEND_BACK, "Send back"),
        ]
        self.fields[
            "reviewed_whole_page"
        ].label = "I have reviewed every change and the safety case results"


class RollbackForm(forms.Form):
    reason = forms.CharField(
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why this release is being put back."},
    )


@admin.register(CheckerRelease)
class CheckerReleaseAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "submitted_by", "reviewed_by", "published_at", "review"]

    @admin.display(description="Review")
    def review(self, release):
        if release.status != CheckerRelease.Status.IN_REVIEW:
            return "-"
        url = reverse("admin:triage_checkerrelease_review", args=[release.pk])
        return format_html('<a href="{}">Review this draft</a>', url)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("triage.view_rule")

    def get_urls(self):
        def wrap(view, methods):
            return self.admin_site.admin_view(require_http_methods(methods)(view))

        form = ["GET", "POST"]
        return [
            path("submit/", wrap(self.submit_view, form), name="triage_checkerrelease_submit"),
            path("audit/", wrap(self.audit_view, ["GET"]), name="triage_checkerrelease_audit"),
            path(
                "<int:pk>/review/",
                wrap(self.review_view, form),
                name="triage_checkerrelease_review",
            ),
            path(
                "<int:pk>/rollback/",
                wrap(self.rollback_view, ["POST"]),
                name="triage_checkerrelease_rollback",
            ),
            *super().get_urls(),
        ]

    def _render(self, request, template, context, status=200):
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, **context}
        return TemplateResponse(
            request, f"admin/triage/checkerrelease/{template}.html", context, status=status
        )

    def submit_view(self, request):
        return _submit(self, request)

    def review_view(self, request, pk):
        return _review(self, request, pk)

    def rollback_view(self, request, pk):
        return _rollback(self, request, pk)

    def audit_view(self, request):
        return _audit(self, request)


def _submit(model_admin, request):
    if not request.user.has_perm("triage.change_rule"):
        raise PermissionDenied
    form = SubmitForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                submitted = releases.submit(request.user, form.cleaned_data["note"].strip())
            except releases.ReleaseRefused as refusal:
                messages.error(request, str(refusal))
                status = 409
            else:
                _tell_reviewers(request, submitted)
                messages.success(request, "Submitted the draft for clinical review.")
                return redirect("admin:triage_checkerrelease_changelist")
    published = CheckerRelease.objects.get(status=CheckerRelease.Status.PUBLISHED)
    context = {
        "title": "Submit the checker's draft for clinical review",
        "submit_form": form,
        "changes": release_diff.changes(published.snapshot, draft_snapshot()),
        "results": releases.case_results(draft_snapshot()),
    }
    return model_admin._render(request, "submit", context, status)


def _tell_reviewers(request, submitted):
    url = request.build_absolute_uri(
        reverse("admin:triage_checkerrelease_review", args=[submitted.pk])
    )
    notifications.tell(
        "Waiting for clinical review: the symptom checker",
        f"{notifications.name_of(request.user)} submitted the symptom checker's draft for "
        f"clinical review.\n\nTheir note: {submitted.note}\n\nReview it here: {url}\n",
        [user.email for user in notifications.reviewers().exclude(pk=request.user.pk)],
    )


def _in_review_or_404(pk):
    submitted = CheckerRelease.objects.filter(pk=pk).first()
    if submitted is None or submitted.status != CheckerRelease.Status.IN_REVIEW:
        raise Http404("No such draft waiting for review.")
    return submitted


def _review(model_admin, request, pk):
    if not request.user.has_perm("triage.view_rule"):
        raise PermissionDenied
    submitted = _in_review_or_404(pk)
    form = CheckerDecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if not request.user.has_perm(APPROVE_PERMISSION):
            raise PermissionDenied
        if form.is_valid():
            try:
                return _decide(request, submitted, form.cleaned_data)
            except releases.ReleaseRefused as refusal:
                messages.error(request, str(refusal))
                status = 403
    published = CheckerRelease.objects.get(status=CheckerRelease.Status.PUBLISHED)
    context = {
        "title": "Review the checker's draft",
        "submitted": submitted,
        "decision_form": form,
        "approval_refusal": releases.approval_refusal(request.user, submitted),
        "changes": release_diff.changes(published.snapshot, submitted.snapshot),
        "results": releases.case_results(submitted.snapshot),
    }
    return model_admin._render(request, "review", context, status)


def _decide(request, submitted, decision):
    comment = decision["comment"].strip()
    if decision["decision"] == DecisionForm.APPROVE:
        release = releases.approve(request.user, submitted, comment)
        messages.success(request, f"Approved: readers now get release {release.number}.")
    else:
        releases.send_back(request.user, submitted, comment)
        messages.success(request, "Sent the draft back.")
    return redirect("admin:triage_checkerrelease_changelist")


def _rollback(model_admin, request, pk):
    if not request.user.has_perm(APPROVE_PERMISSION):
        raise PermissionDenied
    earlier = CheckerRelease.objects.filter(pk=pk, number__isnull=False).first()
    if earlier is None:
        raise Http404("No such release.")
    form = RollbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter why this release is being put back.")
        return _audit(model_admin, request, status=400)
    release = releases.roll_back(request.user, earlier, form.cleaned_data["reason"].strip())
    messages.success(
        request, f"Put release {earlier.number} back: readers now get release {release.number}."
    )
    return redirect("admin:triage_checkerrelease_audit")


def _audit(model_admin, request, status=200):
    if not request.user.has_perm("triage.view_rule"):
        raise PermissionDenied
    numbered = list(CheckerRelease.objects.numbered().prefetch_related("drafted_by"))
    entries = []
    previous = None
    for release in numbered:
        changes = release_diff.changes(previous.snapshot, release.snapshot) if previous else None
        entries.append({"release": release, "changes": changes})
        previous = release
    context = {
        "title": "The symptom checker's releases",
        "entries": list(reversed(entries)),
        "may_roll_back": request.user.has_perm(APPROVE_PERMISSION),
        "rollback_form": RollbackForm(),
    }
    return model_admin._render(request, "audit", context, status)
