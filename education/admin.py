from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from reversion.models import Version

from editorial.admin import WorkflowAdmin
from editorial.revisions import EditorialAdmin, EditorialForm
from education.admin_translations import (
    TRANSLATED_INTO,
    SitePageTranslationForm,
    TranslatedPageAdmin,
    TranslatedPageForm,
)
from education.models import Article, Feedback, Image, SitePage, Source
from education.pictures import open_upload


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
            (
                "due_soon",
                "Never reviewed, overdue or due within "
                f"{settings.EDITORIAL_REVIEW_WARNING_DAYS} days",
            ),
        ]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "due_soon":
            return queryset.review_due_soon()
        return queryset


@admin.register(Article)
class ArticleAdmin(TranslatedPageAdmin, WorkflowAdmin):
    form = TranslatedPageForm
    shared_with_translation = ["group", "order"]
    list_display = [
        "title",
        "language",
        "status",
        "publish_at",
        "next_review",
        "review_overdue_flag",
        "order",
        "helpful_share",
        "view_link",
    ]
    # "Translation out of date": approved English changes its translation does not have yet.
    list_filter = ["status", "language", "translation_out_of_date", "group", ReviewFilter]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["related"]
    inlines = [SourceInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "picture_chooser"]}),
        ("Publishing", {"fields": ["status", "publish_at", "group", "order", "related"]}),
        ("Reader feedback", {"fields": ["feedback_report"]}),
    ]
    PICTURES_LISTED = 30

    class Media:
        js = ["js/picture-chooser.js"]

    show_full_result_count = False  # one COUNT over thousands of articles is enough

    def get_readonly_fields(self, request, obj=None):
        # Approval publishes; once readers see a page, its first publication time is history.
        fixed = ["status", "publish_at"] if obj is not None and obj.is_public else ["status"]
        own = [*fixed, "picture_chooser", "feedback_report"]
        return [*super().get_readonly_fields(request, obj), *own]

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

    @admin.display(description="Pictures")
    def picture_chooser(self, article):
        """The newest pictures with their references, to copy or insert into the body."""
        newest = list(Image.objects.order_by("-pk")[: self.PICTURES_LISTED + 1])
        pictures = [_chooser_entry(image) for image in newest[: self.PICTURES_LISTED]]
        context = {"pictures": pictures, "more": len(newest) > self.PICTURES_LISTED}
        return render_to_string("admin/education/picture_chooser.html", context)

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


# The fields of a picture that readers see (its title is only for the image list).
READER_FIELDS = [
    "alt_text",
    "alt_text_es",
    "decorative",
    "caption",
    "caption_es",
    "credit",
    "license",
]
# The fields only the pages of one language show; readers of every language see the others.
FIELD_LANGUAGES = {"alt_text": "en", "caption": "en", "alt_text_es": "es", "caption_es": "es"}


def languages_seeing(changed_fields):
    """The languages whose readers see these fields change (None: every language)."""
    if any(name not in FIELD_LANGUAGES for name in changed_fields):
        return None
    return {FIELD_LANGUAGES[name] for name in changed_fields}


def shows_otherwise(image, version):
    """Whether readers would see something else of the picture after restoring the version."""
    saved = version.field_dict
    return any(saved.get(name) != getattr(image, name) for name in [*READER_FIELDS, "renditions"])


class ImageForm(EditorialForm):
    upload = forms.FileField(
        label="Picture file",
        help_text="A JPEG, PNG or WebP picture, at most 10 MB. Location and camera details "
        "are removed.",
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["upload"].required = False
            self.fields["upload"].help_text += " Leave empty to keep the current picture."

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        return open_upload(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        seen_by_readers = [name for name in READER_FIELDS if name in self.changed_data]
        if self.instance.pk and (seen_by_readers or cleaned.get("upload")):
            # What readers see changes only through a clinically approved article draft;
            # Spanish words nobody reads yet may be added while English pages show it.
            changed = [*seen_by_readers, *(["upload"] if cleaned.get("upload") else [])]
            refusal = self.instance.in_use_refusal(languages_seeing(changed))
            if refusal:
                raise forms.ValidationError(refusal)
        return cleaned

    def save(self, commit=True):
        # Files are written only now, after every field passed, so a refused form stores none.
        if self.cleaned_data.get("upload"):
            self.instance.set_picture(self.cleaned_data["upload"])
        return super().save(commit)


def _chooser_entry(image):
    renditions = image.rendition_list() if image.renditions else []
    return {
        "title": image.title,
        "reference": image.reference,
        "thumbnail": default_storage.url(renditions[0].name) if renditions else "",
        "thumbnail_height": round(80 * image.height / image.width) if image.width else 80,
    }


@admin.register(Image)
class ImageAdmin(EditorialAdmin):
    form = ImageForm
    list_display = ["thumbnail", "title", "alt_or_decorative", "reference_snippet", "use_count"]
    list_display_links = ["thumbnail", "title"]
    search_fields = ["title", "alt_text", "alt_text_es", "caption", "caption_es", "credit"]
    list_filter = ["decorative"]
    fieldsets = [
        (None, {"fields": ["title", "upload", "preview"]}),
        ("For readers", {"fields": ["alt_text", "decorative", "caption"]}),
        ("For readers of Spanish pages", {"fields": ["alt_text_es", "caption_es"]}),
        ("Rights", {"fields": ["credit", "license"]}),
        ("Where it is used", {"fields": ["reference_snippet", "used_in"]}),
    ]
    readonly_fields = ["preview", "reference_snippet", "used_in"]

    # A deleted picture's files go with it (education/apps.py), so there is nothing to recover.
    change_list_template = "admin/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(articles_using=Count("articles"))

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """An older version is one more change to what readers see: refused, as a change
        is, while anything shows the picture."""
        image = self.get_object(request, unquote(object_id))
        version = Version.objects.get_for_object_reference(Image, unquote(object_id))
        version = version.filter(pk=version_id).first()
        restoring = request.method == "POST" and self.has_change_permission(request, image)
        if restoring and image and version and shows_otherwise(image, version):
            refusal = image.in_use_refusal()
            if refusal:
                messages.error(request, f"This version was not restored. {refusal}")
                return HttpResponseRedirect(self._url("change", image.pk))
        return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        messages.error(
            request,
            "A deleted picture's files are deleted with it, so it cannot be recovered. "
            "Upload the picture again.",
        )
        return HttpResponseRedirect(reverse("admin:education_image_changelist"))

    def recover_view(self, request, version_id, extra_context=None):
        return self.recoverlist_view(request)

    def delete_view(self, request, object_id, extra_context=None):
        image = self.get_object(request, unquote(object_id))
        refusal = image.in_use_refusal() if image is not None else ""
        if refusal and self.has_delete_permission(request, image):
            messages.error(request, f"This picture was not deleted. {refusal}")
            return HttpResponseRedirect(self._url("change", image.pk))
        return super().delete_view(request, object_id, extra_context)

    def get_actions(self, request):
        # Deleting many at once would skip the check above: one at a time.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.display(description="Picture")
    def thumbnail(self, image):
        if not image.renditions:
            return "-"
        return format_html(
            '<img src="{}" alt="" width="120" height="{}">',
            default_storage.url(image.rendition_list()[0].name),
            round(120 * image.height / image.width),
        )

    @admin.display(description="Picture")
    def preview(self, image):
        if not image.renditions:
            return "No picture yet."
        return format_html(
            "{}<p>{} by {} pixels, in {} sizes.</p>",
            self.thumbnail(image),
            image.width,
            image.height,
            len(image.renditions) // 2,
        )

    @admin.display(description="Alt text")
    def alt_or_decorative(self, image):
        return "Decorative (no alt text)" if image.decorative else image.alt_text

    @admin.display(description="Reference for articles")
    def reference_snippet(self, image):
        if image.pk is None:
            return "Save the picture to get its reference."
        return format_html(
            '<input type="text" readonly value="{}" size="18" aria-label="Reference to copy">'
            "<p>Copy this onto a line of its own in an article's text.</p>",
            image.reference,
        )

    @admin.display(description="Used in", ordering="articles_using")
    def use_count(self, image):
        return image.articles_using

    @admin.display(description="Used in")
    def used_in(self, image):
        articles = image.articles.all() if image.pk else []
        if not articles:
            return "No article yet. A picture in use cannot be deleted."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a></li>',
                (
                    (reverse("admin:education_article_change", args=[a.pk]), a.title)
                    for a in articles
                ),
            ),
        )


@admin.register(SitePage)
class SitePageAdmin(TranslatedPageAdmin, WorkflowAdmin):
    """About, privacy and accessibility: the shipped pages, edited here as drafts that a
    clinical reviewer approves; never removed, because each has its own address. A missing
    translation may be added, at the address its language gives the page."""

    form = SitePageTranslationForm
    list_display = ["title", "language", "updated_at", "view_link"]
    list_filter = ["language", "translation_out_of_date"]
    search_fields = ["title", "summary", "body"]
    fieldsets = [(None, {"fields": ["title", "summary", "body"]})]

    def has_add_permission(self, request):
        # Adding is only of a missing translation: part of keeping the site pages.
        return self.has_change_permission(request)

    def get_changeform_initial_data(self, request):
        return {"language": TRANSLATED_INTO, **super().get_changeform_initial_data(request)}

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Page")
    def view_link(self, page):
        return format_html('<a href="{}">View</a>', page.get_absolute_url())


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
