"""Where a person is in the questionnaire, worked out from their answers so far.

Pages are asked in order. After every page the rules are evaluated on the answers so far;
as soon as an emergency rule fires, no more pages are asked: nothing may delay the call.
"""

from dataclasses import dataclass

from common.content_generation import content_change_pending, current_generation
from triage.advice_drawings import drawing_places
from triage.forms import draw_form
from triage.models import AdviceStep, Factor, Level, Page, load_rulebook


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
    # (content generation, the questionnaire built under it) in this process
    _kept = (None, None)

    @classmethod
    def current(cls):
        """The questionnaire, built once per content generation in each process: building it
        takes some twenty queries, too many for every page of every journey (bench/RESULTS.md).
        A change to any row of the checker makes a new generation once it commits
        (common/content_generation.py). Built afresh, and not kept, when the shared cache
        cannot say which generation is current or while uncommitted changes are in place."""
        if content_change_pending():  # what this connection sees is not what others see
            return cls()
        generation = current_generation()
        kept_generation, kept = cls._kept
        if generation is not None and generation == kept_generation:
            return kept
        built = cls()
        if generation is not None:
            cls._kept = (generation, built)
        return built

    def __init__(self):
        self.unanswered_forms = {}  # page slug -> its questions drawn with no answers
        pages = Page.objects.prefetch_related("questions__choices")
        # The engine walks pages of questions; a page with none is not asked.
        self.pages = [page for page in pages if page.questions.all()]
        self.rulebook = load_rulebook()
        # The words a result page shows beside what the result itself stored.
        self.levels = {level.key: level for level in Level.objects.all()}
        self.advice_steps = {step.key: step for step in AdviceStep.objects.all()}
        # An article saved also makes a new content generation, so the links stay current.
        self.factors = {f.key: f for f in Factor.objects.select_related("article")}
        # {advice step key: the published article section that draws it}
        self.drawing_places = drawing_places()

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
