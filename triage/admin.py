from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.html import format_html

from editorial.revisions import EditorialAdmin, EditorialForm
from triage import engine
from triage.models import (
    AdviceStep,
    Choice,
    Condition,
    Factor,
    Level,
    Page,
    Question,
    Result,
    Rule,
    SafetyCase,
    load_rulebook,
)
from triage.safety import SafetyGateRefusal, check_safety_cases


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

        class RefusedForm(form_class):
            def clean(self):
                super().clean()
                raise ValidationError(str(refusal))

        return RefusedForm

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        check_safety_cases()

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except SafetyGateRefusal as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return HttpResponseRedirect(request.path.removesuffix("delete/") + "change/")

    def get_actions(self, request):
        # Bulk delete would bypass the gate; delete one at a time instead.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(SafetyGatedAdmin):
    list_display = ["key", "text", "kind", "page", "order"]
    list_filter = ["page", "kind"]
    list_select_related = ["page"]
    search_fields = ["key", "text"]
    inlines = [ChoiceInline]


@admin.register(Page)
class PageAdmin(EditorialAdmin):
    list_display = ["number", "title", "slug"]


class ValuesField(forms.CharField):
    """Answer values typed as "weeks, months", kept as a list."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [item.strip() for item in (value or "").split(",") if item.strip()]


class ConditionForm(forms.ModelForm):
    values = ValuesField(help_text="One or more answer values, separated by commas.")

    class Meta:
        model = Condition
        fields = ["question", "operator", "values"]


class ConditionFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
        ]
        if not kept:
            raise ValidationError("A rule needs at least one condition.")


class ConditionInline(admin.TabularInline):
    model = Condition
    form = ConditionForm
    formset = ConditionFormSet
    extra = 0
    autocomplete_fields = ["question"]


@admin.register(Rule)
class RuleAdmin(SafetyGatedAdmin):
    list_display = ["code", "level", "factor", "conditions_summary", "reason"]
    list_filter = ["level", "factor"]
    list_select_related = ["level", "factor"]
    search_fields = ["code", "reason"]
    inlines = [ConditionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("conditions__question")

    @admin.display(description="Fires when")
    def conditions_summary(self, rule):
        return " and ".join(str(condition) for condition in rule.conditions.all())


class TextOnlyForEditorsMixin:
    """Editors may improve the words; only clinical reviewers touch what the rules use."""

    logic_fields = ()

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("triage.change_rule"):
            readonly += self.logic_fields
        return readonly


@admin.register(Level)
class LevelAdmin(TextOnlyForEditorsMixin, SafetyGatedAdmin):
    list_display = ["key", "rank", "care_card", "headline"]
    logic_fields = ["key", "rank", "care_card"]


@admin.register(Factor)
class FactorAdmin(TextOnlyForEditorsMixin, SafetyGatedAdmin):
    list_display = ["key", "title", "order", "article_link"]
    logic_fields = ["key", "hidden_by", "order"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]

    @admin.display(description="Explained in")
    def article_link(self, factor):
        if not factor.link():
            return "-"
        return format_html('<a href="{}">{}</a>', factor.link(), factor.article.title)


@admin.register(AdviceStep)
class AdviceStepAdmin(TextOnlyForEditorsMixin, SafetyGatedAdmin):
    """The keys are fixed by the spec: steps are reworded or re-ruled, never added."""

    list_display = ["key", "section", "levels", "not_with", "only_with", "order"]
    list_filter = ["section"]
    logic_fields = ["key", "section", "levels", "not_with", "only_with", "order"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SafetyCaseForm(EditorialForm):
    class Meta:
        model = SafetyCase
        fields = ["name", "answers", "expected_level", "expected_factors", "forbidden_advice"]

    def clean(self):
        cleaned = super().clean()
        level = cleaned.get("expected_level")
        if level is None or "answers" not in cleaned:
            return cleaned
        case = SafetyCase(
            name=cleaned.get("name", ""),
            answers=cleaned["answers"],
            expected_level=level,
            expected_factors=cleaned.get("expected_factors"),
            forbidden_advice=cleaned.get("forbidden_advice") or [],
        ).as_engine_case()
        result = engine.check_case(load_rulebook(), case)
        if not result.passed:
            raise ValidationError(
                f"This case does not pass with the current rules: {result.describe()}."
            )
        return cleaned


@admin.register(SafetyCase)
class SafetyCaseAdmin(EditorialAdmin):
    form = SafetyCaseForm
    list_display = ["name", "expected_level", "expected_factors", "forbidden_advice"]
    list_filter = ["expected_level"]
    list_select_related = ["expected_level"]
    search_fields = ["name"]


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    """Anonymous results, for looking at what advice was given; nobody edits them."""

    list_display = ["created_at", "level", "rules_version"]
    list_filter = ["level"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "token",
        "answers",
        "level",
        "fired_rules",
        "factors",
        "advice",
        "rules_version",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
