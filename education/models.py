from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from editorial.models import Reviewed, ReviewedQuerySet
from education.rendering import render_markdown


class ArticleQuerySet(ReviewedQuerySet):
    def published(self):
        """What readers may see: published, and not scheduled for later."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=timezone.now())


class Article(Reviewed):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The last part of the web address."
    )
    summary = models.CharField(
        max_length=300,
        help_text=(
            "One or two plain sentences, shown under the title, in lists and to search engines."
        ),
    )
    body = models.TextField(
        help_text="Markdown. Start each section with '## ' and a heading that asks a question; "
        "those headings make the 'On this page' list.",
    )
    body_html = models.TextField(editable=False, default="")
    sections = models.JSONField(editable=False, default=list)
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Set by the clinical sign-off: approval publishes.",
    )
    publish_at = models.DateTimeField(
        default=timezone.now,
        help_text="A published article appears to readers from this moment.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")
    related = models.ManyToManyField("self", symmetrical=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    # Approval publishes: a draft carries the words, never the decision to publish.
    WORKFLOW_FIELDS = ("status",)

    class Meta:
        ordering = ["order", "title"]
        indexes = [models.Index(fields=["status", "publish_at"], name="article_visibility")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        rendered = render_markdown(self.body)
        self.body_html, self.sections = rendered.html, rendered.sections
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "sections"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("education:article_detail", args=[self.slug])

    def structured_data(self, url):
        """schema.org MedicalWebPage for search engines (a JSON-LD block on the page).

        The review claims come from the latest clinical sign-off only; a page never signed
        off makes none.
        """
        data = {
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "url": url,
            "headline": self.title,
            "description": self.summary,
            "about": {"@type": "MedicalCondition", "name": "Inner thigh cramps"},
            "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
            "inLanguage": "en",
        }
        if self.latest_signoff:
            signoff = self.latest_signoff
            data["lastReviewed"] = signoff.reviewed_on.isoformat()
            data["reviewedBy"] = {
                "@type": "Person",
                "name": signoff.reviewer_name,
                "jobTitle": signoff.reviewer_role,
            }
        return data

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def goes_live_at(self):
        return self.publish_at

    def reader_html(self):
        return format_html(
            "<h1>{}</h1><p>{}</p>{}", self.title, self.summary, mark_safe(self.body_html)
        )

    def publish(self):
        self.status = self.Status.PUBLISHED

    def hide(self):
        self.status = self.Status.DRAFT


class Source(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(max_length=300)
    url = models.URLField(blank=True, max_length=500)
    accessed = models.DateField(help_text="When the source was last checked.")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.title


class FeedbackQuerySet(models.QuerySet):
    def summary(self):
        """How many answered, and how many found the page helpful."""
        return self.aggregate(
            answers=models.Count("id"),
            helpful=models.Count("id", filter=models.Q(helpful=True)),
        )


class Feedback(models.Model):
    """An anonymous "Was this page helpful?" answer: no name, no address, no cookie."""

    REASON_MAX_LENGTH = 500

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField()
    reason = models.TextField(blank=True, max_length=REASON_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "feedback"

    def __str__(self):
        return f"{'Helpful' if self.helpful else 'Not helpful'}: {self.article}"
