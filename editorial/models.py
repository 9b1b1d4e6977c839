"""Drafts, clinical sign-offs and the steps between them, for every model the workflow covers.

A draft holds the edited values of one object (its fields, its many-to-many choices and its
inline rows) as a JSON snapshot, apart from the live row, until a clinical reviewer approves
it. A sign-off is the record of that approval (or of a periodic review that changed nothing):
who, when, which version, and their comment. The public review block reads only sign-offs.
"""

import calendar
from datetime import date, timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from reversion.models import Version

# Control characters (Cc), line and paragraph separators (Zl, Zp). A validator of Django's
# own, so that the migrations naming it import nothing from this project.
one_line = RegexValidator(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029]",
    inverse_match=True,
    message="Write this on one line, without line breaks, tabs or other control characters.",
    code="control_character",
)
"""A title goes into page headings and the workflow's email subjects, where a line break or
another control character would break the header: one line of text only."""


def months_after(day, months):
    """The same day of the month, `months` later (or that month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


SIGN_OFF_LANGUAGES = {"en": "English", "es": "Spanish"}


_CODE = "|".join(SIGN_OFF_LANGUAGES)
# Codes separated by commas, e.g. "en, es": at least one, empty places between commas ignored.
# A validator of Django's own, so that the migrations naming it import nothing from this project.
language_list = RegexValidator(
    rf"\A(?:\s*,)*\s*(?:{_CODE})\s*(?:,\s*(?:(?:{_CODE})\s*)?)*\Z",
    message="Write the language codes separated by commas, from: "
    + ", ".join(f"{code} ({name})" for code, name in SIGN_OFF_LANGUAGES.items())
    + ".",
)


def language_codes(value):
    """A reviewer's languages: codes of SIGN_OFF_LANGUAGES separated by commas, e.g. "en, es"."""
    language_list(value)
    return [code.strip() for code in value.split(",") if code.strip()]


class ReviewerProfile(models.Model):
    """What readers see after a reviewer's full name: their clinical role; and the languages
    they read well enough to sign off a page in (docs/languages.md)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_profile"
    )
    clinical_role = models.CharField(
        max_length=120,
        help_text="Shown to readers after the person's full name, e.g. “General practitioner”.",
    )
    languages = models.CharField(
        max_length=40,
        default="en",
        validators=[language_list],
        help_text="The languages of the pages this reviewer may sign off, as codes separated "
        "by commas: en (English), es (Spanish). Only someone who reads a page's language "
        "can judge it.",
    )

    def __str__(self):
        return self.clinical_role

    def reads(self, language):
        return language in language_codes(self.languages)


class ForObjectQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.for_model(type(obj), obj.pk)

    def for_model(self, model, object_id):
        content_type = ContentType.objects.get_for_model(model)
        return self.filter(content_type=content_type, object_id=object_id)


class AboutOnePage(models.Model):
    """A record about one page of any kind the workflow covers (an article, a site page...):
    drafts, sign-offs and the steps of the editorial record. `for_object(page)` finds a
    page's records."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")

    objects = ForObjectQuerySet.as_manager()

    class Meta:
        abstract = True


class DraftQuerySet(ForObjectQuerySet):
    def open(self):
        return self.exclude(state=Draft.State.APPROVED)

    def waiting_for_review(self):
        return self.filter(state=Draft.State.SUBMITTED)


class Draft(AboutOnePage):
    class State(models.TextChoices):
        EDITING = "editing", "Being edited"
        SUBMITTED = "submitted", "Waiting for clinical review"
        SENT_BACK = "sent_back", "Sent back to the editor"
        APPROVED = "approved", "Approved"

    snapshot = models.JSONField()
    # The live version the draft started from, for the history and the audit record.
    base_version = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.EDITING)
    # Goes up with every save: a form or a review based on an older count is out of date.
    saves = models.PositiveIntegerField(default=0)
    # Everyone who changed it; four eyes: none of them may approve it.
    editors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DraftQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        permissions = [("approve_draft", "Can approve a draft (clinical sign-off)")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=~Q(state="approved"),
                name="one_open_draft_per_object",
            )
        ]

    def __str__(self):
        return f"Draft of {self.title}"

    @property
    def title(self):
        return str(self.snapshot["object"]["fields"].get("title", ""))

    def latest_event(self, action):
        return self.events.filter(action=action).select_related("user").order_by("-at").first()


class SignOff(AboutOnePage):
    class Kind(models.TextChoices):
        APPROVED = "approved", "Approved a change"
        NO_CHANGES = "no_changes", "Reviewed, no changes needed"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    draft = models.ForeignKey(Draft, null=True, blank=True, on_delete=models.SET_NULL)
    # The live version this sign-off vouches for.
    version = models.ForeignKey(Version, null=True, on_delete=models.SET_NULL, related_name="+")
    # A sign-off outlives changes to the account: the name and role are kept as signed.
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sign_offs"
    )
    reviewer_name = models.CharField(max_length=150)
    reviewer_role = models.CharField(max_length=120)
    signed_at = models.DateTimeField(default=timezone.now)
    goes_live_at = models.DateTimeField()
    next_review_due = models.DateField()
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-signed_at"]

    def __str__(self):
        return f"{self.get_kind_display()} by {self.reviewed_by} on {self.signed_at:%B %-d, %Y}"

    @property
    def reviewed_by(self):
        return f"{self.reviewer_name}, {self.reviewer_role}"

    @property
    def reviewed_on(self):
        return timezone.localdate(self.signed_at)


class WorkflowEvent(AboutOnePage):
    """One step in an object's editorial record: the audit page lists them all."""

    class Action(models.TextChoices):
        SAVED = "saved", "Saved a draft"
        SUBMITTED = "submitted", "Submitted for clinical review"
        SENT_BACK = "sent_back", "Sent back to the editor"
        APPROVED = "approved", "Approved"
        REVIEWED = "reviewed", "Reviewed, no changes needed"
        RESTORED = "restored", "Restored an earlier version as a draft"

    # The record outlives the draft: deleting a page's open draft (with the page) keeps it.
    draft = models.ForeignKey(
        Draft, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=10, choices=Action.choices)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%B %-d, %Y %-I:%M %p})"


class ReviewedQuerySet(models.QuerySet):
    """Review dates come from the latest sign-off; a page never signed off is due now."""

    def review_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(
            Q(latest_signoff__isnull=True) | Q(latest_signoff__next_review_due__lt=today)
        )

    def review_due_soon(self, today=None):
        today = today or timezone.localdate()
        soon = today + timedelta(days=settings.EDITORIAL_REVIEW_WARNING_DAYS)
        return self.filter(
            Q(latest_signoff__isnull=True) | Q(latest_signoff__next_review_due__lte=soon)
        )


class Reviewed(models.Model):
    """A model whose changes need clinical sign-off before readers see them.

    Subclasses say how an approved object becomes visible (`publish`) and how a new or
    recovered one stays hidden until then (`hide`).
    """

    latest_signoff = models.ForeignKey(
        SignOff,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Fields the workflow sets; a draft never carries them to the live row.
    WORKFLOW_FIELDS = ()

    class Meta:
        abstract = True

    @property
    def goes_live_at(self):
        """When an approved version reaches readers (now, unless the model schedules it)."""
        return timezone.now()

    def reader_html(self):
        """The text a reader sees, as HTML: what the review's diff and readability read."""
        raise NotImplementedError

    @property
    def is_published(self):
        """Whether approval has made it visible to readers (now or at its scheduled time)."""
        raise NotImplementedError

    def publish(self):
        raise NotImplementedError

    def hide(self):
        raise NotImplementedError

    @property
    def last_reviewed(self):
        return self.latest_signoff.reviewed_on if self.latest_signoff else None

    @property
    def next_review_due(self):
        return self.latest_signoff.next_review_due if self.latest_signoff else None

    @property
    def review_overdue(self):
        due = self.next_review_due
        return due is None or due < timezone.localdate()


class LoadedRole(models.Model):
    """A role group made by `manage.py load_content` from editorial/data/roles.yaml, with the
    fingerprint of the permissions it was given: the next load updates a group whose
    permissions still match it, and leaves alone one changed in the admin."""

    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="+")
    content_hash = models.CharField(max_length=64, editable=False)

    def __str__(self):
        return self.group.name
