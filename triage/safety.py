"""The safety gate: no change to the rules may make a safety case come out wrong, and the
admin mixin that holds every triage save and delete to it."""

from django.contrib import messages
from django.http import HttpResponseRedirect

from editorial.revisions import EditorialAdmin
from triage import engine, spanish_texts
from triage.admin_forms import refused_form
from triage.models import AdviceStep, Factor, Level, Page, Question, SafetyCase, load_rulebook

NOT_SAVED = (
    "This change was not saved: with it, the symptom checker would give the wrong advice "
    "in these safety cases."
)
WHAT_NEXT = (
    "What to do next: undo the part of the change that causes this and save again. If a "
    "safety case itself is out of date, ask a clinical reviewer to update it under Safety "
    "cases first; no change to the checker is saved while any case would come out wrong."
)
CASES_NAMED = 5  # more would bury what to do next; the rest are counted


class SafetyGateRefusal(Exception):
    """A refused change, told in the checker's own words: level names, question texts,
    answer labels and the advice itself, never their keys."""

    def __init__(self, failures):
        self.failures = failures
        words = CheckerWords()
        worst_first = sorted(failures, key=words.harm)
        named = [words.account(failure) for failure in worst_first[:CASES_NAMED]]
        more = len(failures) - CASES_NAMED
        if more > 0:
            named.append(f"And {more} more safety case{'s' if more > 1 else ''}.")
        self.messages = [NOT_SAVED, *named, WHAT_NEXT]
        super().__init__(" ".join(self.messages))


class SpanishTextRefusal(SafetyGateRefusal):
    """A change that leaves a text without its Spanish, or with other placeholders."""

    def __init__(self, problems):
        self.failures = []
        self.messages = spanish_texts.refusal_text(problems, "This change was not saved")
        Exception.__init__(self, " ".join(self.messages))


def check_spanish_texts(rows):
    problems = [problem for row in rows for problem in spanish_texts.row_problems(row)]
    if problems:
        raise SpanishTextRefusal(problems)


class CheckerWords:
    """What the checker's readers and clinicians see, by key, as it stands in the database."""

    def __init__(self):
        self.rulebook = load_rulebook()
        questions = Question.objects.prefetch_related("choices")
        self.questions = {question.key: question for question in questions}
        self.levels = {level.key: level_name(level) for level in Level.objects.all()}
        self.factors = dict(Factor.objects.values_list("key", "title"))
        self.advice = {
            k: first_sentence(t) for k, t in AdviceStep.objects.values_list("key", "text")
        }
        self.pages = list(Page.objects.values_list("title", flat=True))

    def harm(self, failure):
        """Which cases to name first: too low a level, then advice that must never be shown,
        then a case that no longer fits, then the rest (too high a level, the blocks)."""
        if failure.problems:
            return 2
        case = failure.case
        outcome = engine.evaluate(self.rulebook, self.rulebook.walk(case.answers).answers)
        levels = self.rulebook.levels
        if levels.get(outcome.level, 0) < levels.get(case.expected_level, 0):
            return 0
        if set(case.forbidden_advice) & set(outcome.advice):
            return 1
        return 1 if _card_problems(case, self.rulebook, outcome) else 3

    def account(self, failure):
        """One safety case and what would go wrong with it."""
        case = failure.case
        wrong = self._misfits(case) if failure.problems else self._what_goes_wrong(case)
        return f"“{case.name}”: " + "; ".join(wrong or ["it could not be checked"]) + "."

    def _misfits(self, case):
        """Why the case no longer fits the questions, named by the questions' own words."""
        misfits = []
        for key, value in case.answers.items():
            question = self.questions.get(key)
            if question is None:
                misfits.append(f"it answers a question that was removed (“{key}”)")
                continue
            offered = {choice.value for choice in question.choices.all()}
            for missing in [
                v for v in (value if isinstance(value, list) else [value]) if v not in offered
            ]:
                misfits.append(f"its answer “{missing}” to “{question.text}” is no longer offered")
        if case.expected_level not in self.levels:
            misfits.append("the level it expects was removed")
        return misfits

    def _what_goes_wrong(self, case):
        walk = self.rulebook.walk(case.answers)
        outcome = engine.evaluate(self.rulebook, walk.answers)
        wrong = []
        if walk.next_page is not None and walk.next_page < len(self.pages):
            page = self.pages[walk.next_page]
            wrong.append(f"the questions would no longer stop early, but go on to “{page}”")
        if outcome.level != case.expected_level:
            wrong.append(
                f"the checker would say “{self.levels.get(outcome.level, outcome.level)}” "
                f"instead of “{self.levels.get(case.expected_level, case.expected_level)}”"
            )
        expected = case.expected_factors
        if expected is not None:
            added = [key for key in outcome.factors if key not in expected]
            dropped = [key for key in expected if key not in outcome.factors]
            if added:
                wrong.append(f"it would also show the blocks {_named(added, self.factors)}")
            if dropped:
                wrong.append(f"it would no longer show {_named(dropped, self.factors)}")
        shown = [key for key in case.forbidden_advice if key in outcome.advice]
        if shown:
            wrong.append(f"it would show advice it must never get: {_named(shown, self.advice)}")
        return wrong + _card_problems(case, self.rulebook, outcome)


def _card_problems(case, rulebook, outcome):
    """Words the care card must not say, or must say (where to go, for example), on the
    English card and on the Spanish one."""
    problems = []
    for language, said, unsaid in engine.cards_amiss(case, rulebook, outcome):
        name = "its care card" if language == "en" else "its Spanish care card"
        if said:
            problems.append(f"{name} would say {_quoted(said)}, which it must not")
        if unsaid:
            problems.append(f"{name} would no longer say {_quoted(unsaid)}")
    return problems


def _quoted(words):
    return ", ".join(f"“{each}”" for each in words)


def _named(keys, names):
    return ", ".join(f"“{names.get(key, key)}”" for key in keys) or "none"


def first_sentence(text):
    return text.split(". ")[0].rstrip(".") + "."


def safety_case_failures():
    """Check every stored safety case against the rules as they stand in the database."""
    cases = [case.as_engine_case() for case in SafetyCase.objects.select_related("expected_level")]
    return engine.failing_cases(load_rulebook(), cases)


def check_safety_cases():
    failures = safety_case_failures()
    if failures:
        raise SafetyGateRefusal(failures)


def level_name(level):
    """A level as the result page heads it, short: "Get medical help today"."""
    return level.headline_text().split(":")[0]


class SafetyGatedAdmin(EditorialAdmin):
    """Saves and deletes that would break a safety case are rolled back and refused.

    The admin saves an object and its inlines in one transaction; the gate checks every case
    after that save and, on a failure, raises so the whole transaction (and the revision)
    rolls back. The form is then shown again with the person's input and a message naming
    the failing cases. Restoring and recovering from history take the same path.
    """

    refusal_attribute = "_safety_gate_refusal"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        check_safety_cases()
        kept = [
            inline.instance
            for formset in formsets
            for inline in formset.forms
            if inline.instance.pk and inline not in formset.deleted_forms
        ]
        check_spanish_texts([form.instance, *kept])

    def _gated(self, view, request, *args):
        # Caught outside VersionAdmin's revision block, so the refused change leaves no
        # revision behind; the second run shows the form again with the refusal as its error.
        try:
            return view(request, *args)
        except SafetyGateRefusal as refusal:
            setattr(request, self.refusal_attribute, refusal)
            return view(request, *args)

    def add_view(self, request, form_url="", extra_context=None):
        return self._gated(super().add_view, request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self._gated(super().change_view, request, object_id, form_url, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        return self._gated(super().revision_view, request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        return self._gated(super().recover_view, request, version_id, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        refusal = getattr(request, self.refusal_attribute, None)
        if refusal is None:
            return form_class
        return refused_form(form_class, refusal)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        check_safety_cases()

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except SafetyGateRefusal as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return HttpResponseRedirect(self._url("change", object_id))

    def get_actions(self, request):
        # Bulk delete would bypass the gate; delete one at a time instead.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions
