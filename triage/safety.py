"""The safety gate: no change to the rules may make a safety case come out wrong, and the
admin mixin that holds every triage save and delete to it."""

from django.contrib import messages
from django.http import HttpResponseRedirect

from editorial.revisions import EditorialAdmin
from triage import engine
from triage.admin_forms import refused_form
from triage.models import SafetyCase, load_rulebook


class SafetyGateRefusal(Exception):
    def __init__(self, failures):
        self.failures = failures
        super().__init__(
            "This change was not saved, because these safety cases would come out wrong: "
            + "; ".join(_describe(failure) for failure in failures)
            + "."
        )


def _describe(failure):
    case = failure.case
    return f"“{case.name}” ({failure.describe()})"


def safety_case_failures():
    """Check every stored safety case against the rules as they stand in the database."""
    cases = [case.as_engine_case() for case in SafetyCase.objects.select_related("expected_level")]
    return engine.failing_cases(load_rulebook(), cases)


def check_safety_cases():
    failures = safety_case_failures()
    if failures:
        raise SafetyGateRefusal(failures)


class SafetyGatedAdmin(EditorialAdmin):
    """Saves and deletes that would break a safety case are rolled back and refused.

    The admin saves an object and its inlines in one transaction; the gate checks every case
    after that save and, on a failure, raises so the whole transaction (and the revision)
    rolls back. The form is then shown again with the person's input and a message naming
    the failing cases. Restoring and recovering from history take the same path.
    """

    refusal_attribute = "_safety_gate_refusal"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        check_safety_cases()

    def _gated(self, view, request, *args):
        # Caught outside VersionAdmin's revision block, so the refused change leaves no
        # revision behind; the second run shows the form again with the refusal as its error.
        try:
            return view(request, *args)
        except SafetyGateRefusal as refusal:
            setattr(request, self.refusal_attribute, refusal)
            return view(request, *args)

    def add_view(self, request, form_url="", extra_context=None):
        return self._gated(super().add_view, request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self._gated(super().change_view, request, object_id, form_url, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        return self._gated(super().revision_view, request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        return self._gated(super().recover_view, request, version_id, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        refusal = getattr(request, self.refusal_attribute, None)
        if refusal is None:
            return form_class
        return refused_form(form_class, refusal)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        check_safety_cases()

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except SafetyGateRefusal as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return HttpResponseRedirect(self._url("change", object_id))

    def get_actions(self, request):
        # Bulk delete would bypass the gate; delete one at a time instead.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions
