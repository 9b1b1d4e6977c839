"""The questionnaire as data: pages, questions, choices, levels, factors, rules, safety cases.

Everything here is loaded from the data files in triage/data/ (version 3 of the rules, which
docs/clinical-safety.md explains) by `manage.py load_content` and is editable in the admin. The keys
and values are the interface that rules, safety cases and form field names speak in, so the
admin guards them with the safety gate (triage/safety.py).
"""

import functools
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import NoReverseMatch, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from education.models import Article, Language
from triage import data_files, engine


def with_emergency_number(text):
    # A plain replace, not str.format: editors may type other braces.
    return text.replace("{EMERGENCY_NUMBER}", settings.EMERGENCY_NUMBER)


def advice_lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


class Page(models.Model):
    number = models.PositiveSmallIntegerField(unique=True, help_text="Pages are asked in order.")
    slug = models.SlugField(unique=True, help_text="The last part of the page's web address.")
    title = models.CharField(max_length=200, help_text="The page's main heading.")
    hint = models.TextField(blank=True, help_text="Optional text under the heading.")
    slug_es = models.SlugField(
        blank=True, help_text="The last part of the Spanish page's address (under /es/evaluador/)."
    )
    title_es = models.CharField(max_length=200, blank=True, help_text="The heading in Spanish.")
    hint_es = models.TextField(blank=True, help_text="The text under the heading, in Spanish.")

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("triage:page", args=[self.slug])

    def clean(self):
        super().clean()
        problem = self.address_problem()
        if problem:
            # Not tied to a field: the slugs are read-only to those without the logic
            # permission, and a form cannot show an error on a field it does not have.
            raise ValidationError(problem)

    def address_problem(self):
        """Why a reader of either language would not reach this page at its address, or "".
        A Spanish address taken by another page, or one of the checker's own addresses
        (revisar-respuestas), would send Spanish readers to the other page, over and over."""
        spanish = self.slug_es or self.slug
        if not spanish:
            return ""  # the slug's own field says it is required
        others = Page.objects.exclude(pk=self.pk)
        if others.filter(models.Q(slug_es=spanish) | models.Q(slug_es="", slug=spanish)).exists():
            return f"Another page already has the Spanish address “{spanish}”: choose another."
        for language, slug in (("en", self.slug), ("es", spanish)):
            with translation.override(language):
                try:
                    address = reverse("triage:page", args=[slug])
                except NoReverseMatch:
                    return ""  # not a slug: its own field says so
                if resolve(address).url_name != "page":
                    return f"“{slug}” is an address the checker already uses: choose another."
        return ""

    def hint_text(self):
        return with_emergency_number(self.hint)


class Question(models.Model):
    class Kind(models.TextChoices):
        YES_NO = "yes_no", "Yes or no"
        SINGLE = "single", "One answer"
        MULTIPLE = "multiple", "Any that apply"

    page = models.ForeignKey(Page, on_delete=models.PROTECT, related_name="questions")
    key = models.SlugField(
        max_length=50,
        unique=True,
        help_text="The name rules and safety cases use. Changing it breaks them.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.CharField(max_length=300, help_text="The question as the reader sees it.")
    hint = models.CharField(max_length=300, blank=True, help_text="Optional help under it.")
    error_message = models.CharField(
        max_length=200, help_text="Shown when the question is not answered."
    )
    text_es = models.CharField(max_length=300, blank=True, help_text="The question in Spanish.")
    hint_es = models.CharField(max_length=300, blank=True, help_text="The help, in Spanish.")
    error_message_es = models.CharField(
        max_length=200, blank=True, help_text="The message when unanswered, in Spanish."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Order on its page.")
    checks = models.JSONField(
        default=list,
        blank=True,
        help_text='Answers allowed only with other answers: [{"when": {"duration": ["today"]}, '
        '"allowed": ["once"], "message": "If your cramps started today, choose Just once"}].',
    )

    class Meta:
        ordering = ["page__number", "order", "id"]

    def __str__(self):
        return self.key

    def clean(self):
        problem = _checks_problem(self.checks, Question.objects.exclude(pk=self.pk))
        if problem:
            raise ValidationError({"checks": problem})


def _checks_problem(checks, other_questions):
    """What is wrong with a question's checks, so a bad edit cannot break every page."""
    example = 'Give a list like [{"when": {"duration": ["today"]}, "allowed": ["once"], '
    example += '"message": "..."}].'
    if not isinstance(checks, list) or not all(isinstance(c, dict) for c in checks):
        return example
    known = set(other_questions.values_list("key", flat=True))
    for check in checks:
        when, allowed, message = check.get("when"), check.get("allowed"), check.get("message")
        fields = set(check) - {"message_es"}  # the message in Spanish, as docs/languages.md
        if fields != {"when", "allowed", "message"} or not isinstance(when, dict):
            return example
        if not when or not all(isinstance(v, list) and v for v in when.values()):
            return example
        if not isinstance(allowed, list) or not allowed or not isinstance(message, str):
            return example
        unknown = set(when) - known
        if unknown:
            return f"No such question: {', '.join(sorted(unknown))}."
    return ""


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    value = models.SlugField(
        max_length=50, help_text="The value rules and safety cases use. Changing it breaks them."
    )
    label = models.CharField(max_length=300, help_text="The answer as the reader sees it.")
    label_es = models.CharField(max_length=300, blank=True, help_text="The answer in Spanish.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="unique_choice_value")
        ]

    def __str__(self):
        return f"{self.question.key} = {self.value}"


class Level(models.Model):
    class CareCard(models.TextChoices):
        IMMEDIATE = "immediate", "Immediate (red and black)"
        URGENT = "urgent", "Urgent (red)"
        NON_URGENT = "non-urgent", "Non-urgent (blue)"
        SELF_CARE = "self-care", "Plain advice"

    key = models.SlugField(max_length=20, unique=True)
    rank = models.PositiveSmallIntegerField(unique=True, help_text="Higher ranks win.")
    care_card = models.CharField(max_length=12, choices=CareCard.choices)
    headline = models.CharField(
        max_length=200,
        help_text="The action, first on the result. {EMERGENCY_NUMBER} becomes the number.",
    )
    advice = models.TextField(help_text="What to do, under the headline. One idea a line.")
    headline_es = models.CharField(max_length=200, blank=True, help_text="The headline in Spanish.")
    advice_es = models.TextField(blank=True, help_text="What to do, in Spanish. One idea a line.")

    class Meta:
        ordering = ["-rank"]

    def __str__(self):
        return self.key

    def headline_text(self):
        return with_emergency_number(self.headline)

    def advice_lines(self):
        return advice_lines(with_emergency_number(self.advice))


class Factor(models.Model):
    key = models.SlugField(max_length=30, unique=True)
    title = models.CharField(max_length=200)
    advice = models.TextField(
        help_text="Advice on “see a doctor soon” and self-care results. One idea a line."
    )
    urgent_text = models.TextField(
        help_text="On “get help today” results: only what to tell the doctor or what not to "
        "do, never self-help. One idea a line."
    )
    title_es = models.CharField(max_length=200, blank=True, help_text="The title in Spanish.")
    advice_es = models.TextField(blank=True, help_text="The advice in Spanish. One idea a line.")
    urgent_text_es = models.TextField(
        blank=True, help_text="The text on “get help today” results, in Spanish."
    )
    hidden_by = models.JSONField(
        default=list,
        blank=True,
        help_text='Not shown when any of these factors is shown: ["fluid_restriction"].',
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Order on the result page.")
    article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The article that explains this.",
    )
    section = models.SlugField(
        max_length=200, blank=True, help_text="The heading id in that article, without '#'."
    )

    class Meta:
        ordering = ["order", "key"]

    def __str__(self):
        return self.title

    def clean(self):
        _check_keys(self, "hidden_by", Factor.objects.exclude(pk=self.pk), "factors")
        if self.section and not self.article:
            raise ValidationError({"section": "Choose the article this section is in."})
        known_sections = {s["id"] for s in self.article.sections} if self.article else set()
        if self.section and self.section not in known_sections:
            raise ValidationError(
                {"section": f"“{self.article}” has no section with the id “{self.section}”."}
            )

    def advice_lines(self):
        return advice_lines(with_emergency_number(self.advice))

    def urgent_lines(self):
        return advice_lines(with_emergency_number(self.urgent_text))

    def link(self):
        if not self.article:
            return ""
        anchor = f"#{self.section}" if self.section else ""
        return self.article.get_absolute_url() + anchor


def _check_keys(obj, field, queryset, kind):
    """A JSON list field must hold keys of existing rows."""
    keys = getattr(obj, field)
    if not isinstance(keys, list):
        raise ValidationError({field: 'Give a list of keys, like [] or ["strain"].'})
    unknown = set(map(str, keys)) - set(queryset.values_list("key", flat=True))
    if unknown:
        raise ValidationError({field: f"Not {kind}: {', '.join(sorted(unknown))}."})


class AdviceStep(models.Model):
    """One piece of relief or prevention advice, shown by the rules in docs/clinical-safety.md."""

    class Section(models.TextChoices):
        # The headings of the result page's advice, in the page's language.
        RELIEF = "relief", _("When a cramp starts")
        WHILE_YOU_WAIT = "while_you_wait", _("While you wait to be seen")
        PREVENTION = "prevention", _("What may help stop cramps coming back")

    key = models.SlugField(max_length=30, unique=True)
    section = models.CharField(max_length=20, choices=Section.choices)
    text = models.TextField(help_text="The step as the reader sees it.")
    text_es = models.TextField(blank=True, help_text="The step in Spanish.")
    levels = models.JSONField(help_text='The levels whose results show it: ["soon", "self_care"].')
    not_with = models.JSONField(
        default=list, blank=True, help_text='Not shown with any of these factors: ["strain"].'
    )
    only_with = models.JSONField(
        default=list,
        blank=True,
        help_text='If set, shown only with one of these factors: ["fluid_restriction"].',
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Order on the result page.")

    class Meta:
        ordering = ["order", "key"]

    def __str__(self):
        return self.key

    def text_shown(self):
        return with_emergency_number(self.text)

    def clean(self):
        _check_keys(self, "levels", Level.objects.all(), "levels")
        _check_keys(self, "not_with", Factor.objects.all(), "factors")
        _check_keys(self, "only_with", Factor.objects.all(), "factors")


# Who may change the fields the rules read (a rule's level, a question's key, a level's rank,
# which levels an advice step goes with), add or delete those rows, or restore their history;
# others who may change those rows only reword them (triage/logic_permission.py).
EDIT_LOGIC_PERMISSION = "triage.edit_triage_logic"


class Rule(models.Model):
    code = models.CharField(max_length=10, unique=True, help_text="E1, U1, S1, C1 and so on.")
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="rules")
    factor = models.ForeignKey(
        Factor, on_delete=models.PROTECT, null=True, blank=True, related_name="rules"
    )
    reason = models.CharField(
        max_length=300, help_text="Why we say this, shown on the result when the rule fires."
    )
    reason_es = models.CharField(max_length=300, blank=True, help_text="The reason in Spanish.")
    action = models.TextField(
        blank=True,
        help_text="Where to go instead of the level's usual place, for example labor and "
        "delivery. When set and the rule decides the level, its first line is the care card's "
        "heading and the other lines replace the level's advice. {EMERGENCY_NUMBER} becomes "
        "the number.",
    )
    action_es = models.TextField(
        blank=True, help_text="The action in Spanish, line by line as the English one."
    )
    action_priority = models.PositiveSmallIntegerField(
        default=0, help_text="When several rules with an action fire, the highest priority wins."
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-level__rank", "order", "code"]
        permissions = [
            (
                "edit_triage_logic",
                "Can change the checker's logic: questions and answers, pages, rules, "
                "levels, factors, advice steps and safety cases",
            )
        ]

    def __str__(self):
        return self.code


class Condition(models.Model):
    """One test on one answer; a rule fires when all its conditions hold."""

    class Operator(models.TextChoices):
        IS_ONE_OF = engine.IS_ONE_OF, "is one of"
        INCLUDES_ANY_OF = engine.INCLUDES_ANY_OF, "includes any of"

    rule = models.ForeignKey(Rule, on_delete=models.CASCADE, related_name="conditions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="conditions")
    operator = models.CharField(max_length=20, choices=Operator.choices)
    values = models.JSONField(
        help_text='The answer values, as a list: ["yes"], or ["weeks", "months"].'
    )

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.question.key} {self.get_operator_display()} {', '.join(self.values)}"

    def clean(self):
        if not self.question_id:
            return
        if not isinstance(self.values, list) or not self.values:
            raise ValidationError({"values": "Give a list of one or more answer values."})
        expected = engine.operator_for(self.question.kind == Question.Kind.MULTIPLE)
        if self.operator != expected:
            raise ValidationError(
                {"operator": f"Use “{self.Operator(expected).label}” with this question."}
            )
        known = set(self.question.choices.values_list("value", flat=True))
        unknown = [v for v in self.values if v not in known]
        if unknown:
            raise ValidationError(
                {"values": f"Not answers to {self.question.key}: {', '.join(map(str, unknown))}."}
            )


class SafetyCase(models.Model):
    """A set of answers and the advice it must get; no rule change may break one."""

    name = models.CharField(max_length=200, unique=True)
    answers = models.JSONField(
        help_text='Question keys and answers: {"pain_stays": "no", "triggers": ["none"]}.'
    )
    expected_level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="+")
    expected_factors = models.JSONField(
        null=True,
        blank=True,
        help_text='The factors the result shows, exactly: ["overuse"], or [] for none. '
        "Leave it empty not to check them.",
    )
    forbidden_advice = models.JSONField(
        default=list, blank=True, help_text='Advice steps that must not be shown: ["heat"].'
    )
    forbidden_card_text = models.JSONField(
        default=list,
        blank=True,
        help_text='Words the care card must not say, in any case: ["urgent care"].',
    )
    required_card_text = models.JSONField(
        default=list,
        blank=True,
        help_text='Words the care card must say, in any case: ["labor and delivery"].',
    )
    forbidden_card_text_es = models.JSONField(
        default=list,
        blank=True,
        help_text='Words the Spanish care card must not say: ["atención de urgencia"].',
    )
    required_card_text_es = models.JSONField(
        default=list,
        blank=True,
        help_text='Words the Spanish care card must say: ["sala de emergencias"].',
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        card_fields = ("forbidden_card_text", "required_card_text")
        card_fields += ("forbidden_card_text_es", "required_card_text_es")
        for field in ("expected_factors", "forbidden_advice", *card_fields):
            keys = getattr(self, field)
            if keys is not None and not (
                isinstance(keys, list) and all(isinstance(key, str) for key in keys)
            ):
                raise ValidationError({field: 'Give a list of keys, like ["heat", "roller"].'})

    def as_engine_case(self):
        return engine.SafetyCase(
            name=self.name,
            answers=self.answers,
            expected_level=self.expected_level.key,
            expected_factors=None
            if self.expected_factors is None
            else tuple(self.expected_factors),
            forbidden_advice=tuple(self.forbidden_advice or ()),
            forbidden_card_text=tuple(self.forbidden_card_text or ()),
            required_card_text=tuple(self.required_card_text or ()),
            forbidden_card_text_es=tuple(self.forbidden_card_text_es or ()),
            required_card_text_es=tuple(self.required_card_text_es or ()),
        )


# A partial of the standard library's, so that the migration naming it as the token's default
# imports nothing from this project.
new_result_token = functools.partial(secrets.token_urlsafe, 24)


class CheckerReleaseQuerySet(models.QuerySet):
    def published(self):
        """The one release readers are served, without its snapshot until it is needed."""
        return self.defer("snapshot").get(status=CheckerRelease.Status.PUBLISHED)

    def published_number(self):
        """The published release's number alone (None with none published)."""
        published = self.filter(status=CheckerRelease.Status.PUBLISHED)
        return published.values_list("number", flat=True).first()

    def in_review(self):
        return self.filter(status=CheckerRelease.Status.IN_REVIEW).first()

    def numbered(self):
        return self.filter(number__isnull=False).order_by("number")


class CheckerRelease(models.Model):
    """A frozen whole of the checker (docs/clinical-safety.md, "Releases"): its snapshot holds
    what the data files in triage/data/ hold. Readers are served the published one only; the
    checker's rows are the one open draft that becomes the next release once a second
    clinical reviewer approves it, or an earlier release is put back (`restores`)."""

    class Status(models.TextChoices):
        IN_REVIEW = "in_review", "Waiting for clinical review"
        SENT_BACK = "sent_back", "Sent back"
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Superseded"

    number = models.PositiveIntegerField(unique=True, null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices)
    snapshot = models.JSONField(help_text="The whole checker, as the data files hold it.")
    drafted_by = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True)
    note = models.TextField(blank=True, help_text="The submitter's note, or why it was put back.")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True)
    comment = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True)
    case_results = models.JSONField(
        default=list, help_text="The safety cases run on it when it was approved or put back."
    )
    restores = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = CheckerReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-number", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["status"],
                condition=models.Q(status="published"),
                name="one_published_release",
            ),
            models.UniqueConstraint(
                fields=["status"],
                condition=models.Q(status="in_review"),
                name="one_release_in_review",
            ),
        ]

    def __str__(self):
        if self.number:
            return f"Release {self.number}"
        return f"Draft submitted {self.submitted_at:%Y-%m-%d %H:%M}"


class ResultQuerySet(models.QuerySet):
    def record(self, rulebook, answers, release, language="en"):
        """Evaluate the answers and keep what the page shows, with the release, the rules'
        version and the language it was asked in (its words are stored in English)."""
        outcome = engine.evaluate(rulebook, answers)
        return self.create(
            answers=answers,
            level=outcome.level,
            fired_rules=[
                {"code": rule.code, "level": rule.level, "reason": rule.reason}
                for rule in outcome.reasons
            ],
            factors=list(outcome.factors),
            advice=list(outcome.advice),
            action=outcome.action,
            rules_version=rulebook.version,
            release=release,
            language=language,
        )

    def created_before(self, moment):
        return self.filter(created_at__lt=moment)


class Result(models.Model):
    """An anonymous outcome: answers and advice, nothing that says who asked."""

    token = models.CharField(max_length=40, unique=True, default=new_result_token, editable=False)
    answers = models.JSONField()
    level = models.CharField(max_length=20)
    fired_rules = models.JSONField(help_text="Code, level and reason of each rule shown.")
    factors = models.JSONField(help_text="Keys of the factor blocks shown.")
    advice = models.JSONField(default=list, help_text="Keys of the advice steps shown.")
    action = models.TextField(
        blank=True, help_text="The care card's action from a rule, instead of the level's."
    )
    rules_version = models.CharField(max_length=16)
    # None for results from before releases (rules versions 1 to 3 as first shipped).
    release = models.ForeignKey(
        CheckerRelease, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The language of the journey that made it, and of its own address; results from before
    # the checker was in Spanish are English.
    language = models.CharField(max_length=5, default=Language.ENGLISH, choices=Language.choices)

    objects = ResultQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.level} result of {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return self.url_in(self.language)

    def url_in(self, language):
        """The address of this result shown in that language."""
        with translation.override(language):
            return reverse("triage:result", args=[self.token])

    def reason_groups(self):
        """The reasons, and those shown under "Other things that may play a part"."""
        if self.level != engine.URGENT:
            return self.fired_rules, []
        main = [rule for rule in self.fired_rules if rule["level"] == self.level]
        return main, [rule for rule in self.fired_rules if rule["level"] != self.level]


def load_rulebook():
    """The rules as they stand in the rows (the open draft), ready for the engine."""
    return data_files.rulebook_from(draft_snapshot())


def draft_snapshot():
    """The open draft: the checker's rows, in the shape of a release's snapshot."""
    return data_files.snapshot_of()
