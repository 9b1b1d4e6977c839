import dataclasses
import functools

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from editorial.models import Draft, Reviewed, ReviewedQuerySet, one_line
from education import pictures
from education.illustrations import illustration_figures, illustrations
from education.rendering import Figure, render_markdown


class PageQuerySet(ReviewedQuerySet):
    def in_active_language(self):
        """The pages in the language of the address being served (English elsewhere)."""
        return self.filter(language=translation.get_language())


class ArticleQuerySet(PageQuerySet):
    def published(self):
        """What readers may see: published, and not scheduled for later."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=timezone.now())

    def seconds_until_next_publication(self, at_most):
        """How long what readers see stays as it is: until the next scheduled article goes
        live, and never more than at_most seconds."""
        now = timezone.now()
        upcoming = (
            self.filter(status=Article.Status.PUBLISHED, publish_at__gt=now)
            .order_by("publish_at")
            .values_list("publish_at", flat=True)
            .first()
        )
        if upcoming is None:
            return at_most
        return max(1, min(at_most, int((upcoming - now).total_seconds())))


class Language(models.TextChoices):
    """The languages pages are written in (settings.LANGUAGES lists the same)."""

    ENGLISH = "en", "English"
    SPANISH = "es", "Spanish"


def one_translation_per_language(model_name):
    """An English page has at most one translation in each language."""
    return models.UniqueConstraint(
        fields=["translation_of", "language"],
        name=f"{model_name}_one_translation_per_language",
        violation_error_message="This English page already has a translation in this "
        "language. Open it from the English page's form instead of adding another.",
    )


class MarkdownPage(Reviewed):
    """What articles and site pages share: a title and summary, a Markdown body rendered to
    safe HTML (and its "On this page" sections) whenever it is saved, and the fingerprint of
    the shipped file it was loaded from (load_content).

    Each language's page is its own row, so that it has its own draft and its own clinical
    sign-off (docs/languages.md); a translation points at its English page.
    """

    language = models.CharField(
        max_length=2, choices=Language.choices, default=Language.ENGLISH, db_index=True
    )
    translation_of = models.ForeignKey(
        "self",
        # The admin refuses to delete an English page while it has a translation
        # (editorial/translations.py); below the admin, the translation is kept.
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        limit_choices_to={"language": Language.ENGLISH},
        help_text="For a translation: the English page it says the same as.",
    )
    # Set when a translation's draft is approved; an English approval with changes after it
    # marks the translation out of date (editorial/translations.py).
    checked_against_english_on = models.DateField(null=True, blank=True, editable=False)
    translation_out_of_date = models.BooleanField(default=False, editable=False)
    title = models.CharField(max_length=200, validators=[one_line])
    body_html = models.TextField(editable=False, default="")
    sections = models.JSONField(editable=False, default=list)
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def render_body(self, find_figures=None):
        """Render the body into body_html and sections; what render_markdown found."""
        rendered = render_markdown(self.body, find_figures)
        self.body_html, self.sections = rendered.html, rendered.sections
        return rendered

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude)
        problem = self.translation_problem()
        if problem and "translation_of" not in (exclude or ()):
            raise ValidationError({"translation_of": problem})

    def translation_problem(self):
        """What is wrong with this page's link to its English page, or "" (docs/languages.md)."""
        english = self.translation_of
        if self.language == Language.ENGLISH:
            return "An English page is not a translation." if english else ""
        if english is None:
            return "Choose the English page this page translates."
        if english.pk == self.pk or english.language != Language.ENGLISH:
            return "A translation translates an English page: choose one."
        return ""

    def translation_in(self, language):
        """The same page in another language, or None."""
        if language == self.language:
            return self
        if self.language == Language.ENGLISH:
            # From the prefetched translations when the view fetched them.
            return next((t for t in self.translations.all() if t.language == language), None)
        if language == Language.ENGLISH:
            return self.translation_of
        return None

    def reader_html(self):
        return format_html(
            "<h1>{}</h1><p>{}</p>{}", self.title, self.summary, mark_safe(self.body_html)
        )


class Article(MarkdownPage):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class Group(models.TextChoices):
        # In the order the home page shows them.
        ABOUT = "about", _("About cramps")
        HELP = "help", _("Getting help")
        LIVING = "living", _("Living with cramps")

    # Unique across languages too (a Spanish page has a Spanish slug): the checker and the
    # loader find an article by its slug alone.
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
        "those headings make the 'On this page' list. To show a picture, put its reference "
        "on a line of its own: ![[image:12]] (copy it from the picture's page under Images) "
        "or one of our drawings, such as ![[illustration:side-lunge-stretch]].",
    )
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
    group = models.CharField(
        max_length=10,
        choices=Group.choices,
        default=Group.ABOUT,
        help_text="Where the home page lists it.",
    )
    related = models.ManyToManyField("self", symmetrical=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ArticleQuerySet.as_manager()

    # Approval publishes: a draft carries the words, never the decision to publish.
    WORKFLOW_FIELDS = ("status",)

    class Meta:
        ordering = ["order", "title"]
        indexes = [models.Index(fields=["status", "publish_at"], name="article_visibility")]
        constraints = [one_translation_per_language("article")]

    def save(self, *args, **kwargs):
        rendered = self.render_body(functools.partial(find_figures, language=self.language))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "sections"}
        super().save(*args, **kwargs)
        if update_fields is None or "body" in update_fields:
            self.images.set(image_ids(set(rendered.references) - set(rendered.missing)))

    def get_absolute_url(self):
        with translation.override(self.language):
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
            "inLanguage": self.language,
        }
        publisher = publisher_data()
        if publisher:
            data["publisher"] = publisher
        if self.latest_signoff:
            signoff = self.latest_signoff
            data["lastReviewed"] = signoff.reviewed_on.isoformat()
            data["reviewedBy"] = {
                "@type": "Person",
                "name": signoff.reviewer_name,
                "jobTitle": signoff.reviewer_role,
            }
        return data

    def clean(self):
        find = functools.partial(find_figures, language=self.language)
        rendered = render_markdown(self.body, find)
        problems = [missing_picture_message(m) for m in rendered.missing]
        problems += untranslated_picture_messages(rendered.references, self.language)
        if problems:
            raise ValidationError({"body": problems})

    @property
    def is_public(self):
        """Whether readers see it now: published, and its time has come."""
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def goes_live_at(self):
        return self.publish_at

    @property
    def is_published(self):
        """Approved for readers, now or at its scheduled time (is_public says which)."""
        return self.status == self.Status.PUBLISHED

    def publish(self):
        self.status = self.Status.PUBLISHED

    def hide(self):
        self.status = self.Status.DRAFT


def publisher_data():
    """schema.org's publisher, from the settings; empty when they are not set (never made up)."""
    if not settings.SITE_PUBLISHER_NAME:
        return {}
    data = {"@type": "Organization", "name": settings.SITE_PUBLISHER_NAME}
    if settings.SITE_CONTACT_EMAIL:
        data["email"] = settings.SITE_CONTACT_EMAIL
    return data


def missing_picture_message(reference):
    kind, key = reference.split(":", 1)
    if kind == "image":
        return (
            f"There is no picture for ![[{reference}]]. Copy the reference from the "
            "picture's page under Images, or remove the line."
        )
    return (
        f"There is no drawing for ![[{reference}]]. Our drawings are: "
        + ", ".join(f"![[illustration:{name}]]" for name in illustrations())
        + "."
    )


def untranslated_picture_messages(references, language):
    """A page shows a picture's words in its own language: one message for each picture
    that lacks them."""
    images = Image.objects.filter(pk__in=image_ids(references)).order_by("pk")
    name = Language(language).label
    return [
        f"The picture {image.reference} has no {name} {' or '.join(missing)}. Add "
        f"{'them' if len(missing) > 1 else 'it'} on the picture's page under Images, then "
        "save this page again."
        for image in images
        if (missing := image.missing_words_in(language))
    ]


def image_ids(references):
    keys = (r.removeprefix("image:") for r in references if r.startswith("image:"))
    return [int(key) for key in keys if key.isdigit()]


def find_figures(references, language=Language.ENGLISH):
    """{reference: Figure} for the references that name an existing picture or drawing (a
    drawing's words in the page's language)."""
    images = Image.objects.filter(pk__in=image_ids(references))
    return {
        **illustration_figures(references, language),
        **{f"image:{image.pk}": image.figure(language) for image in images},
    }


class Image(models.Model):
    """A picture editors upload once and place in articles by reference."""

    title = models.CharField(
        max_length=200, help_text="To find it in the list. Readers do not see it."
    )
    alt_text = models.CharField(
        "alt text",
        max_length=300,
        blank=True,
        help_text="What the picture shows, for people who cannot see it, in one sentence.",
    )
    decorative = models.BooleanField(
        default=False,
        help_text="Tick only if the picture adds nothing the text does not say. "
        "Screen readers then skip it, and the alt text is not used.",
    )
    caption = models.CharField(max_length=300, blank=True, help_text="Shown under the picture.")
    # What Spanish pages show (docs/languages.md): required before a Spanish page uses it.
    alt_text_es = models.CharField(
        "Spanish alt text",
        max_length=300,
        blank=True,
        help_text="The alt text in Spanish, for Spanish pages.",
    )
    caption_es = models.CharField(
        "Spanish caption",
        max_length=300,
        blank=True,
        help_text="The caption in Spanish, for Spanish pages (needed if there is a caption).",
    )
    credit = models.CharField(
        max_length=200, help_text="Who made it, shown under the picture, e.g. “Photo: Ana Ruiz”."
    )
    license = models.CharField(
        max_length=200,
        help_text="The terms we may use it under, e.g. “CC BY 4.0” or “Taken by our staff”.",
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    # [{"name", "width", "height", "format"}], made once when a picture is uploaded.
    renditions = models.JSONField(editable=False, default=list)
    articles = models.ManyToManyField(
        Article, through="ImageUse", related_name="images", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Articles store their HTML: show them this picture's new file, words and size.
        for article in self.articles.all():
            article.save(update_fields=["body"])

    @property
    def reference(self):
        return f"![[image:{self.pk}]]"

    def shown_in(self, languages=None):
        """The titles of what shows this picture to readers now or once approved: published
        (or scheduled) articles, and article drafts still open, in the languages given (all
        when None). What readers see of it must not change under them, nor under a draft a
        clinician is reading."""
        published = Article.objects.filter(status=Article.Status.PUBLISHED, images=self)
        drafts = Draft.objects.open().filter(
            content_type=ContentType.objects.get_for_model(Article),
            snapshot__object__fields__body__icontains=self.reference,
        )
        if languages is not None:
            published = published.filter(language__in=languages)
            drafts = drafts.filter(snapshot__object__fields__language__in=languages)
        return [f"“{article}”" for article in published] + [
            f"the draft of “{draft.title}”" for draft in drafts
        ]

    def in_use_refusal(self, languages=None):
        """Why what readers of these languages (all when None) see of this picture may not
        change now, or "" if it may."""
        shown_in = self.shown_in(languages)
        if not shown_in:
            return ""
        return (
            "Readers see this picture, or will once a draft is approved, in "
            + ", ".join(shown_in)
            + ". To change what they see, add the new version as a new picture and put its "
            "reference in the article, whose draft then goes to clinical review."
        )

    def alt_in(self, language):
        if self.decorative:
            return ""
        return self.alt_text_es if language == Language.SPANISH else self.alt_text

    def caption_in(self, language):
        return self.caption_es if language == Language.SPANISH else self.caption

    def missing_words_in(self, language):
        """The reader-facing words this picture lacks in a language, e.g. ["alt text"]."""
        if language == Language.ENGLISH:
            return []
        missing = [] if self.decorative or self.alt_text_es.strip() else ["alt text"]
        return missing + (["caption"] if self.caption and not self.caption_es.strip() else [])

    def clean(self):
        if not self.decorative and not self.alt_text.strip():
            raise ValidationError(
                {
                    "alt_text": "Describe what the picture shows, or tick “Decorative” if it "
                    "adds nothing the text does not say."
                }
            )

    def set_picture(self, picture):
        """Make the renditions of a picture open_upload accepted (files first, then fields)."""
        made = pictures.make_renditions(picture)
        self.renditions = [dataclasses.asdict(rendition) for rendition in made]
        self.width, self.height = made[-1].width, made[-1].height

    def rendition_list(self):
        return [pictures.Rendition(**data) for data in self.renditions]

    def figure(self, language=Language.ENGLISH):
        renditions = self.rendition_list()
        fallback = [r for r in renditions if r.format != "WEBP"]
        largest = fallback[-1]
        # The src is for browsers without srcset: a middling width suits most screens.
        middle = next((r for r in fallback if r.width >= 800), largest)
        return Figure(
            src=default_storage.url(middle.name),
            width=largest.width,
            height=largest.height,
            alt=self.alt_in(language),
            caption=self.caption_in(language),
            credit=f"{self.credit} ({self.license})",
            srcset=srcset(fallback),
            webp_srcset=srcset([r for r in renditions if r.format == "WEBP"]),
        )


def srcset(renditions):
    return ", ".join(f"{default_storage.url(r.name)} {r.width}w" for r in renditions)


class ImageUse(models.Model):
    """Which article shows which picture; a picture in use cannot be deleted."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    image = models.ForeignKey(Image, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "image"], name="one_use_per_article")
        ]

    def __str__(self):
        return f"Shown in “{self.article}”"


class Source(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(max_length=300)
    url = models.URLField(blank=True, max_length=500)
    accessed = models.DateField(help_text="When the source was last checked.")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.title


class SitePage(MarkdownPage):
    """A page about the site itself (about, privacy, accessibility), linked from every footer.

    The body may name a setting in braces, such as {retention_days}; the page fills it in
    when it is shown, so it always matches how the site is set up. A change is a draft until
    a clinical reviewer approves it; the pages themselves are always shown.
    """

    class Slug(models.TextChoices):
        # In the order the footer lists them; each has its own address (education/urls.py).
        ABOUT = "about", "About this information"
        PRIVACY = "privacy", "Privacy"
        ACCESSIBILITY = "accessibility", "Accessibility statement"

    # The Spanish pages' addresses, by the English slug they translate.
    SPANISH_SLUGS = {
        "about": "acerca-de",
        "privacy": "privacidad",
        "accessibility": "accesibilidad",
    }

    # The English slugs are Slug's; a translation has its own (SPANISH_SLUGS), each at its
    # own address (education/urls.py).
    slug = models.SlugField(max_length=50, unique=True)
    summary = models.CharField(
        max_length=300, help_text="One or two plain sentences, shown under the title."
    )
    body = models.TextField(
        help_text="Markdown. Start each section with '## '. {retention_days}, {session_hours}, "
        "{review_months} and {emergency_number} are filled in from the site's settings.",
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        constraints = [one_translation_per_language("sitepage")]

    def save(self, *args, **kwargs):
        self.render_body()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("education:site_page", kwargs={"slug": self.slug})

    @property
    def english_slug(self):
        """Which site page this is, whatever its language."""
        return self.translation_of.slug if self.translation_of_id else self.slug

    @property
    def is_published(self):
        """English pages and the shipped translations are always shown; a translation added
        in the admin once a clinician who reads its language has signed it off."""
        return (
            self.language == Language.ENGLISH
            or bool(self.content_hash)
            or self.latest_signoff_id is not None
        )

    def publish(self):
        """Nothing to switch on: a site page is always shown, as its approved version."""

    def hide(self):
        """Nothing to switch off: site pages are never added or deleted (their admin)."""


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
