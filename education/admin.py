from django.contrib import admin
from django.db import models
from django.db.models import Count, Q
from django.utils.html import format_html, format_html_join

from editorial.admin import WorkflowAdmin
from education.models import Article, Feedback, Source


class SourceInline(admin.TabularInline):
    model = Source
    extra = 1
    # A source typed without a scheme is a web page; assume the secure one.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class ReviewFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("overdue", "Never reviewed, or review overdue"),
            ("due_soon", "Never reviewed, overdue or due within 30 days"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "due_soon":
            return queryset.review_due_soon()
        return queryset


@admin.register(Article)
class ArticleAdmin(WorkflowAdmin):
    list_display = [
        "title",
        "status",
        "publish_at",
        "next_review",
        "review_overdue_flag",
        "order",
        "helpful_share",
        "view_link",
    ]
    list_filter = ["status", ReviewFilter]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["related"]
    inlines = [SourceInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        ("Publishing", {"fields": ["status", "publish_at", "order", "related"]}),
        ("Reader feedback", {"fields": ["feedback_report"]}),
    ]

    show_full_result_count = False  # one COUNT over thousands of articles is enough

    def get_readonly_fields(self, request, obj=None):
        # Approval publishes; once readers see a page, its first publication time is history.
        fixed = ["status", "publish_at"] if obj is not None and obj.is_public else ["status"]
        return [*fixed, "feedback_report"]

    def audit_extra(self, article):
        return [("Was this page helpful?", self.feedback_report(article))]

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .select_related("latest_signoff")
            .annotate(
                feedback_answers=Count("feedback"),
                feedback_helpful=Count("feedback", filter=Q(feedback__helpful=True)),
            )
        )
        if request.resolver_match and request.resolver_match.url_name.endswith("_changelist"):
            # The list shows none of the long text; leave it in the database.
            queryset = queryset.defer("body", "body_html", "sections")
        return queryset

    @admin.display(description="Helpful", ordering="feedback_answers")
    def helpful_share(self, article):
        if not article.feedback_answers:
            return "-"
        share = round(100 * article.feedback_helpful / article.feedback_answers)
        return f"{share}% of {article.feedback_answers}"

    @admin.display(description="Was this page helpful?")
    def feedback_report(self, article):
        if article.pk is None:
            return "-"
        summary = article.feedback.summary()
        if not summary["answers"]:
            return "No feedback yet."
        reasons = article.feedback.filter(helpful=False).exclude(reason="")[:5]
        return format_html(
            "<p>{} of {} readers found it helpful.</p><p>Latest reasons it was not:</p><ul>{}</ul>",
            summary["helpful"],
            summary["answers"],
            format_html_join(
                "", "<li>{} ({})</li>", ((f.reason, f.created_at.date()) for f in reasons)
            )
            or format_html("<li>{}</li>", "none given"),
        )

    @admin.display(description="Next review due", ordering="latest_signoff__next_review_due")
    def next_review(self, article):
        return article.next_review_due or "Never reviewed"

    @admin.display(boolean=True, description="Review due")
    def review_overdue_flag(self, article):
        return article.review_overdue

    @admin.display(description="Page")
    def view_link(self, article):
        label = "View" if article.is_public else "Preview"
        return format_html('<a href="{}">{}</a>', article.get_absolute_url(), label)


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Anonymous answers to "Was this page helpful?"; read them, delete the odd bad one."""

    list_display = ["created_at", "article", "helpful", "reason"]
    list_filter = ["helpful", "article"]
    list_select_related = ["article"]
    search_fields = ["reason"]
    date_hierarchy = "created_at"
    readonly_fields = ["article", "helpful", "reason", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
