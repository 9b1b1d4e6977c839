"""Pure evaluation of the questionnaire: answers in, what the result page shows out.

No database and no Django here: the views, the admin's safety gate and the
`check_safety_cases` command all build a Rulebook from the database rows and call it, so
every path gives the same advice for the same answers. docs/clinical-safety.md explains the
rules this evaluates.
"""

import hashlib
import json
from dataclasses import dataclass, field

IS_ONE_OF = "is_one_of"
INCLUDES_ANY_OF = "includes_any_of"
NONE_OF_THESE = "none"
EMERGENCY = "emergency"
URGENT = "urgent"


def operator_for(multiple):
    """Single answers are tested with "is one of", multi-choice answers with "includes any of"."""
    return INCLUDES_ANY_OF if multiple else IS_ONE_OF


@dataclass(frozen=True)
class Condition:
    question: str
    operator: str
    values: frozenset

    def holds(self, answers):
        # An answer not given never satisfies a condition (docs/clinical-safety.md).
        answer = answers.get(self.question)
        if self.operator == IS_ONE_OF:
            return isinstance(answer, str) and answer in self.values
        if self.operator == INCLUDES_ANY_OF:
            return isinstance(answer, list | tuple) and not self.values.isdisjoint(answer)
        raise ValueError(f"unknown operator {self.operator!r}")


@dataclass(frozen=True)
class Rule:
    code: str
    level: str
    reason: str
    conditions: tuple
    factor: str | None = None
    action: str = ""  # where to go instead of the level's usual place (the care card)
    action_priority: int = 0  # the highest wins when several fired rules have an action
    action_es: str = ""  # the same action in Spanish, for the Spanish care card

    def fires(self, answers):
        # A rule with no conditions is incomplete, not a rule that always fires.
        return bool(self.conditions) and all(c.holds(answers) for c in self.conditions)


@dataclass(frozen=True)
class AnswerCheck:
    """An answer allowed only with certain other answers, such as "once" after "today"."""

    conditions: tuple  # Condition: when all hold, the answer must be one of `allowed`
    allowed: frozenset
    message: str
    message_es: str = ""  # the same message in Spanish

    def refuses(self, answer, answers):
        applies = all(condition.holds(answers) for condition in self.conditions)
        return applies and answer not in self.allowed


@dataclass(frozen=True)
class Question:
    key: str
    multiple: bool
    values: frozenset
    checks: tuple = ()

    def problems(self, answers):
        """Why this question's answer is not acceptable, given all the answers: [] when it is."""
        answer = answers.get(self.key)
        if self.multiple:
            return _multiple_answer_problems(self, answer)
        if not isinstance(answer, str) or answer not in self.values:
            return [f"unknown value {answer!r} for {self.key!r}"]
        return [check.message for check in self.checks if check.refuses(answer, answers)]


def _multiple_answer_problems(question, answer):
    if not isinstance(answer, list) or not answer:
        return [f"{question.key!r} needs a list of one or more values"]
    problems = [
        f"unknown value {value!r} for {question.key!r}"
        for value in answer
        if not isinstance(value, str) or value not in question.values
    ]
    if NONE_OF_THESE in answer and len(answer) > 1:
        problems.append(f"{question.key!r} has {NONE_OF_THESE!r} together with other values")
    return problems


@dataclass(frozen=True)
class Factor:
    key: str
    hidden_by: frozenset = frozenset()  # not shown when any of these factors is shown


@dataclass(frozen=True)
class AdviceStep:
    key: str
    levels: frozenset  # the levels whose pages may show it
    not_with: frozenset = frozenset()  # factors that stop it being shown
    only_with: frozenset = frozenset()  # when set, shown only with one of these factors

    def shown(self, level, factors):
        return (
            level in self.levels
            and self.not_with.isdisjoint(factors)
            and (not self.only_with or not self.only_with.isdisjoint(factors))
        )


@dataclass(frozen=True)
class Outcome:
    level: str
    fired: tuple  # every rule that fired, highest level first, then in rule order
    factors: tuple  # factor keys the page shows, in factor order
    advice: tuple  # advice step keys the page shows, in step order
    action: str = ""  # the care card's action from a rule, or "" for the level's own

    @property
    def reasons(self):
        """The fired rules the page explains: nothing that could delay an emergency call."""
        if self.level == EMERGENCY:
            return tuple(rule for rule in self.fired if rule.level == EMERGENCY)
        return self.fired


@dataclass(frozen=True)
class Walk:
    """How far a set of answers gets through the pages."""

    answers: dict  # the answers that count: whole pages, up to where the questions stop
    next_page: int | None  # index of the first page still to answer, or None when done
    stopped_early: bool  # done before the last page, because an emergency rule fired


@dataclass(frozen=True)
class Rulebook:
    levels: dict  # level key -> rank
    rules: tuple
    questions: dict  # question key -> Question
    pages: tuple = ()  # the question keys of each page, in the order they are asked
    factors: tuple = ()  # Factor, in the order the page shows them
    advice_steps: tuple = ()  # AdviceStep, in the order the page shows them
    cards: dict = field(default_factory=dict)  # level key -> its care card's own words
    cards_es: dict = field(default_factory=dict)  # level key -> the same words in Spanish

    @property
    def lowest_level(self):
        return min(self.levels, key=self.levels.get)

    @property
    def version(self):
        """A short fingerprint of the logic (not the wording) the advice came from."""
        logic = {
            "levels": sorted(self.levels.items()),
            "rules": sorted(
                (
                    rule.code,
                    rule.level,
                    rule.factor,
                    _logic_of(rule.conditions),
                )
                for rule in self.rules
            ),
            "pages": self.pages,
            "checks": sorted(
                (q.key, [(_logic_of(c.conditions), sorted(c.allowed)) for c in q.checks])
                for q in self.questions.values()
                if q.checks
            ),
            "actions": sorted(
                (rule.code, rule.action_priority) for rule in self.rules if rule.action
            ),
            "factors": [(f.key, sorted(f.hidden_by)) for f in self.factors],
            "advice": [
                (s.key, sorted(s.levels), sorted(s.not_with), sorted(s.only_with))
                for s in self.advice_steps
            ],
        }
        canonical = json.dumps(logic, sort_keys=True)
        return hashlib.sha256(canonical.encode()).hexdigest()[:12]

    def problems_with(self, answers):
        """Why these answers would be refused by the questions: empty when they would not."""
        if not isinstance(answers, dict):
            return ["answers must be an object of question keys and values"]
        problems = []
        for key in answers:
            question = self.questions.get(key)
            if question is None:
                problems.append(f"unknown question {key!r}")
            else:
                problems.extend(question.problems(answers))
        return problems

    def walk(self, answers):
        """Page by page, as the questionnaire asks: stop at a missing answer or an emergency."""
        counted = {}
        for index, keys in enumerate(self.pages):
            if any(key not in answers for key in keys):
                return Walk(counted, next_page=index, stopped_early=False)
            counted.update((key, answers[key]) for key in keys)
            if evaluate(self, counted).level == EMERGENCY:
                return Walk(counted, next_page=None, stopped_early=index < len(self.pages) - 1)
        return Walk(counted, next_page=None, stopped_early=False)


def _logic_of(conditions):
    return sorted((c.question, c.operator, sorted(c.values)) for c in conditions)


def evaluate(rulebook, answers):
    """What the result page shows for these answers (docs/clinical-safety.md)."""
    fired = [rule for rule in rulebook.rules if rule.fires(answers)]
    fired.sort(key=lambda rule: -rulebook.levels[rule.level])  # stable: keeps rule order
    level = fired[0].level if fired else rulebook.lowest_level
    factors = _factors_shown(rulebook, level, {rule.factor for rule in fired if rule.factor})
    advice = tuple(step.key for step in rulebook.advice_steps if step.shown(level, factors))
    return Outcome(
        level=level,
        fired=tuple(fired),
        factors=factors,
        advice=advice,
        action=_action(fired, level),
    )


def _action(fired, level):
    """The action of the rules that decided the level: the highest priority, then the first."""
    winner = winning_action_rule(fired, level)
    return "" if winner is None else winner.action


def winning_action_rule(fired, level):
    """The rule whose action the care card shows, or None (the level's own words)."""
    with_action = [rule for rule in fired if rule.level == level and rule.action]
    if not with_action:
        return None
    return max(with_action, key=lambda rule: rule.action_priority)


def card_text(rulebook, outcome):
    """The words of the care card: a rule's action in place of the level's own words."""
    return outcome.action or rulebook.cards.get(outcome.level, "")


def card_text_es(rulebook, outcome):
    """The Spanish care card: the Spanish action of the same rule, or the level's words."""
    winner = winning_action_rule(outcome.fired, outcome.level)
    if winner is not None:
        return winner.action_es
    return rulebook.cards_es.get(outcome.level, "")


def _factors_shown(rulebook, level, present):
    if level == EMERGENCY:
        return ()
    return tuple(
        factor.key
        for factor in rulebook.factors
        if factor.key in present and factor.hidden_by.isdisjoint(present)
    )


@dataclass(frozen=True)
class SafetyCase:
    name: str
    answers: dict
    expected_level: str
    expected_factors: tuple | None = None  # None: the factors are not checked
    forbidden_advice: tuple = ()
    forbidden_card_text: tuple = ()  # words the care card must not say, in any case
    required_card_text: tuple = ()  # words the care card must say, in any case
    forbidden_card_text_es: tuple = ()  # the same, for the Spanish care card
    required_card_text_es: tuple = ()


@dataclass(frozen=True)
class CaseResult:
    case: SafetyCase
    got_level: str | None
    problems: tuple = ()  # why the case itself is not valid
    differences: tuple = ()  # where the outcome differs from what it expects

    @property
    def passed(self):
        return not self.problems and not self.differences

    def describe(self):
        if self.problems:
            return "invalid case: " + "; ".join(self.problems)
        return "; ".join(self.differences)


def check_case(rulebook, case):
    problems = _case_problems(rulebook, case)
    if problems:
        return CaseResult(case=case, got_level=None, problems=tuple(problems))
    walk = rulebook.walk(case.answers)
    outcome = evaluate(rulebook, walk.answers)
    differences = _differences(case, outcome, cards_amiss(case, rulebook, outcome))
    if walk.next_page is not None:
        # Often a rule change that no longer stops the questions early, so say where.
        missing = [key for key in rulebook.pages[walk.next_page] if key not in case.answers]
        unasked = f"the questions go on to page {walk.next_page + 1}, which this case does "
        differences = (unasked + f"not answer ({', '.join(missing)})", *differences)
    return CaseResult(case=case, got_level=outcome.level, differences=differences)


def _case_problems(rulebook, case):
    problems = rulebook.problems_with(case.answers)
    if case.expected_level not in rulebook.levels:
        problems.append(f"unknown expected level {case.expected_level!r}")
    factor_keys = {factor.key for factor in rulebook.factors}
    advice_keys = {step.key for step in rulebook.advice_steps}
    problems += [
        f"unknown factor {f!r}" for f in case.expected_factors or () if f not in factor_keys
    ]
    problems += [f"unknown advice {a!r}" for a in case.forbidden_advice if a not in advice_keys]
    return problems


def _differences(case, outcome, amiss):
    differences = []
    if outcome.level != case.expected_level:
        differences.append(f"expected {case.expected_level}, got {outcome.level}")
    expected = case.expected_factors
    if expected is not None and set(expected) != set(outcome.factors):
        differences.append(
            f"factors shown: {', '.join(outcome.factors) or 'none'}; "
            f"expected: {', '.join(expected) or 'none'}"
        )
    shown = [key for key in case.forbidden_advice if key in outcome.advice]
    if shown:
        differences.append(f"shows forbidden advice: {', '.join(shown)}")
    for language, said, unsaid in amiss:
        label = "care card" if language == "en" else "Spanish care card"
        if said:
            differences.append(f"the {label} says: {', '.join(said)}")
        if unsaid:
            differences.append(f"the {label} does not say: {', '.join(unsaid)}")
    return tuple(differences)


def cards_amiss(case, rulebook, outcome):
    """For the English and the Spanish care card of an outcome: (language, the words it says
    but must not, those it must say but does not)."""
    cards = {"en": card_text(rulebook, outcome), "es": card_text_es(rulebook, outcome)}
    return [
        (language, *_card_words_amiss(case, card, language)) for language, card in cards.items()
    ]


def _card_words_amiss(case, card, language):
    """The words the care card in this language says but must not, and those it must say
    but does not (each language's words are checked on its own card)."""
    suffix = "" if language == "en" else f"_{language}"
    forbidden = getattr(case, f"forbidden_card_text{suffix}")
    required = getattr(case, f"required_card_text{suffix}")
    said = [words for words in forbidden if words.lower() in card.lower()]
    unsaid = [words for words in required if words.lower() not in card.lower()]
    return said, unsaid


def failing_cases(rulebook, cases):
    return [
        result for result in (check_case(rulebook, case) for case in cases) if not result.passed
    ]
