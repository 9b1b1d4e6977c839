"""Where a person is in the questionnaire, worked out from their answers so far.

Pages are asked in order. After every page the rules are evaluated on the answers so far;
as soon as an emergency rule fires, no more pages are asked: nothing may delay the call.
"""

from dataclasses import dataclass

from django.utils import translation

from triage import data_files, snapshot_rows
from triage.forms import draw_form
from triage.models import CheckerRelease, Page


@dataclass(frozen=True)
class Progress:
    answers: dict  # the answers that count, page by page up to where the questions stop
    next_page: Page | None  # the first page still to answer, or None when done
    stopped_early: bool  # done before the last page, because an emergency rule fired

    @property
    def complete(self):
        return self.next_page is None

    def covers(self, page):
        """Whether this page's answers count (it was reached and answered)."""
        return any(question.key in self.answers for question in page.questions.all())


class Questionnaire:
    """One release of the checker, built for readers in one language (the address's): its
    pages, questions, rules and texts."""

    # {(release number, language): the questionnaire built from that release} in this process
    _kept = {}

    @classmethod
    def published(cls):
        """The release readers are served now: one small query for its number, then the
        copy this process keeps for that number."""
        number = CheckerRelease.objects.published_number()
        kept = cls._kept.get(_place(number))
        return kept if kept is not None else cls.of_release(CheckerRelease.objects.published())

    @classmethod
    def of_number(cls, number):
        """A release by its number, or the published one when there is no such release."""
        kept = cls._kept.get(_place(number))
        if kept is not None:
            return kept
        release = CheckerRelease.objects.defer("snapshot").filter(number=number).first()
        return cls.published() if release is None else cls.of_release(release)

    @classmethod
    def of_release(cls, release):
        """Built once per release in each process: reading and drawing the whole snapshot
        costs several times a kept copy, on every page of every journey (bench/RESULTS.md,
        docs/caching.md). A numbered release never
        changes (docs/clinical-safety.md, "Releases"), so nothing is needed to say whether
        the copy is current; a newly published release has a new number."""
        kept = cls._kept.get(_place(release.number))
        if kept is not None:
            return kept
        built = cls(release)
        if release.number is not None:
            cls._kept[_place(release.number)] = built
        return built

    @classmethod
    def forget_kept_copies(cls):
        """Build every release afresh from here on: for a database whose numbered releases
        were rolled back (a test's), where a number may come back as another release."""
        cls._kept.clear()

    def __init__(self, release, language=None):
        self.release = release
        self.language = language or translation.get_language()
        snapshot, language = release.snapshot, self.language
        self.unanswered_forms = {}  # page slug -> its questions drawn with no answers
        # The engine walks pages of questions; a page with none is not asked.
        self.pages = [
            page for page in snapshot_rows.pages(snapshot, language) if page.questions.all()
        ]
        self.rulebook = data_files.rulebook_from(snapshot)
        # The words a result page shows beside what the result itself stored.
        self.levels = {level.key: level for level in snapshot_rows.levels(snapshot, language)}
        steps = snapshot_rows.advice_steps(snapshot, language)
        self.advice_steps = {step.key: step for step in steps}
        factors = snapshot_rows.factors(snapshot, language)
        self.factors = {factor.key: factor for factor in factors}
        self.reasons, self.actions = snapshot_rows.rule_words(snapshot, language)
        # A release from before the checker was in Spanish has no Spanish texts at all.
        self.has_spanish = any("headline_es" in level for level in snapshot["levels.json"])
        # {page number: {language: its slug}}, for the link to the page in the other language
        self.page_slugs = {
            data["number"]: {"en": data["slug"], "es": data.get("slug_es") or data["slug"]}
            for data in snapshot["questionnaire.json"]["pages"]
        }

    @property
    def questions(self):
        """Every question, in the order they are asked."""
        return [question for page in self.pages for question in page.questions.all()]

    def form_html(self, form, page):
        """The page's questions as HTML. Drawing them is most of a question page's work, and
        a page not yet answered looks the same to everyone, so that one is drawn once with
        this questionnaire; a page showing answers or errors is drawn for the person asking."""
        if form.is_bound or any(key in form.initial for key in form.fields):
            return draw_form(form)
        if page.slug not in self.unanswered_forms:
            self.unanswered_forms[page.slug] = draw_form(form)
        return self.unanswered_forms[page.slug]

    def page(self, slug):
        return next((page for page in self.pages if page.slug == slug), None)

    def following(self, page):
        later = [p for p in self.pages if p.number > page.number]
        return later[0] if later else None

    def preceding(self, page):
        earlier = [p for p in self.pages if p.number < page.number]
        return earlier[-1] if earlier else None

    def valid_answers(self, answers):
        """Drop anything the current questions would not accept (stale or tampered state)."""
        answers = answers or {}
        return {
            key: value
            for key, value in answers.items()
            if key in self.rulebook.questions and not self.rulebook.questions[key].problems(answers)
        }

    def progress(self, answers):
        walk = self.rulebook.walk(self.valid_answers(answers))
        next_page = None if walk.next_page is None else self.pages[walk.next_page]
        return Progress(walk.answers, next_page=next_page, stopped_early=walk.stopped_early)


def _place(number):
    return number, translation.get_language()
