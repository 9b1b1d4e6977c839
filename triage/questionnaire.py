"""Where a person is in the questionnaire, worked out from their answers so far.

Pages are asked in order. As soon as the answers reach the highest level (on the spec's
rules, any "yes" on page 1), no more pages are asked: nothing may delay an emergency call.
"""

from dataclasses import dataclass

from triage import engine
from triage.models import Page, load_rulebook


@dataclass(frozen=True)
class Progress:
    answers: dict  # the answers that count, page by page up to where the questions stop
    next_page: Page | None  # the first page still to answer, or None when done
    stopped_early: bool  # done before the last page, because the top level was reached

    @property
    def complete(self):
        return self.next_page is None

    def covers(self, page):
        """Whether this page's answers count (it was reached and answered)."""
        return any(question.key in self.answers for question in page.questions.all())


class Questionnaire:
    def __init__(self):
        self.pages = list(Page.objects.prefetch_related("questions__choices"))
        self.rulebook = load_rulebook()
        self.top_level = max(self.rulebook.levels, key=self.rulebook.levels.get)

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
        return {
            key: value
            for key, value in (answers or {}).items()
            if not self.rulebook.problems_with({key: value})
        }

    def progress(self, answers):
        answers = self.valid_answers(answers)
        counted = {}
        for page in self.pages:
            keys = [question.key for question in page.questions.all()]
            if any(key not in answers for key in keys):
                return Progress(counted, next_page=page, stopped_early=False)
            counted.update((key, answers[key]) for key in keys)
            if engine.evaluate(self.rulebook, counted).level == self.top_level:
                return Progress(counted, next_page=None, stopped_early=page != self.pages[-1])
        return Progress(counted, next_page=None, stopped_early=False)
