from django.contrib import admin
from django.utils.html import format_html

from triage.admin_forms import ConditionForm, ConditionFormSet, SafetyCaseForm
from triage.logic_permission import (
    LogicPermissionAdminMixin,
    LogicPermissionInlineMixin,
    may_edit_logic,
)
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
)
from triage.safety import SafetyGatedAdmin


class ChoiceInline(LogicPermissionInlineMixin, admin.TabularInline):
    model = Choice
    extra = 0
    logic_fields = ["value", "order"]


@admin.register(Question)
class QuestionAdmin(LogicPermissionAdminMixin, SafetyGatedAdmin):
    list_display = ["key", "text", "kind", "page", "order"]
    logic_fields = ["page", "key", "kind", "order", "checks"]
    list_filter = ["page", "kind"]
    list_select_related = ["page"]
    search_fields = ["key", "text"]
    inlines = [ChoiceInline]


@admin.register(Page)
class PageAdmin(LogicPermissionAdminMixin, SafetyGatedAdmin):
    """A page's number decides the order of the questions, and so where the questionnaire
    may stop early; its slug is its address. Both are logic; the words are not."""

    list_display = ["number", "title", "slug"]
    logic_fields = ["number", "slug", "slug_es"]


class ConditionInline(LogicPermissionInlineMixin, admin.TabularInline):
    model = Condition
    form = ConditionForm
    formset = ConditionFormSet
    extra = 0
    autocomplete_fields = ["question"]

    def has_change_permission(self, request, obj=None):
        # Every field is logic. Shown view-only rather than through read-only fields, which
        # would leave the form's own required `values` field in place and fail every save.
        return may_edit_logic(request.user) and super().has_change_permission(request, obj)


@admin.register(Rule)
class RuleAdmin(LogicPermissionAdminMixin, SafetyGatedAdmin):
    list_display = ["code", "level", "factor", "conditions_summary", "reason"]
    # The card's action says where to go (labor and delivery, an emergency room): logic.
    # The care card's action, in either language, is checked by the safety cases.
    logic_fields = ["code", "level", "factor", "action", "action_es", "action_priority", "order"]
    list_filter = ["level", "factor"]
    list_select_related = ["level", "factor"]
    search_fields = ["code", "reason"]
    inlines = [ConditionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("conditions__question")

    @admin.display(description="Fires when")
    def conditions_summary(self, rule):
        return " and ".join(str(condition) for condition in rule.conditions.all())


@admin.register(Level)
class LevelAdmin(LogicPermissionAdminMixin, SafetyGatedAdmin):
    list_display = ["key", "rank", "care_card", "headline"]
    logic_fields = ["key", "rank", "care_card"]


@admin.register(Factor)
class FactorAdmin(LogicPermissionAdminMixin, SafetyGatedAdmin):
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
class AdviceStepAdmin(LogicPermissionAdminMixin, SafetyGatedAdmin):
    """The keys are fixed by the clinical contract (docs/clinical-safety.md): steps are
    reworded or re-ruled, never added."""

    list_display = ["key", "section", "levels", "not_with", "only_with", "order"]
    list_filter = ["section"]
    logic_fields = ["key", "section", "levels", "not_with", "only_with", "order"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SafetyCase)
class SafetyCaseAdmin(LogicPermissionAdminMixin, SafetyGatedAdmin):
    """Every field of a safety case is what the gate holds the rules to, so all of it is
    logic: without the permission to edit the logic a case is read, never changed."""

    form = SafetyCaseForm
    list_display = ["name", "expected_level", "expected_factors", "forbidden_advice"]
    list_filter = ["expected_level"]
    list_select_related = ["expected_level"]
    search_fields = ["name"]

    def has_change_permission(self, request, obj=None):
        return may_edit_logic(request.user) and super().has_change_permission(request, obj)


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
        "action",
        "rules_version",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


from triage import release_admin  # noqa: E402,F401  registers the releases' admin
