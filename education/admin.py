from django.contrib import admin
from django.db import models
from django.utils.html import format_html

from education.models import Article, Source


class SourceInline(admin.TabularInline):
    model = Source
    extra = 1
    # A source typed without a scheme is a web page; assume the secure one.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class ReviewOverdueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Review overdue"), ("current", "Review not yet due")]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "current":
            return queryset.exclude(pk__in=queryset.review_overdue())
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "status",
        "publish_at",
        "next_review_due",
        "review_overdue_flag",
        "order",
        "view_link",
    ]
    list_filter = ["status", ReviewOverdueFilter]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["related"]
    inlines = [SourceInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        ("Publishing", {"fields": ["status", "publish_at", "order", "related"]}),
        ("Clinical review", {"fields": ["reviewed_by", "last_reviewed", "next_review_due"]}),
    ]

    @admin.display(boolean=True, description="Review overdue")
    def review_overdue_flag(self, article):
        return article.review_overdue

    @admin.display(description="Page")
    def view_link(self, article):
        label = "View" if article.is_public else "Preview"
        return format_html('<a href="{}">{}</a>', article.get_absolute_url(), label)
