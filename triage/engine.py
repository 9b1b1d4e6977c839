"""Pure evaluation of the questionnaire's rules: answers in, outcome out.

No database and no Django here: the views, the admin's safety gate and the `triage_cases`
command all build a Rulebook from the database rows and call `evaluate` on it, so every path
gives the same advice for the same answers.
"""

import hashlib
import json
from dataclasses import dataclass

IS_ONE_OF = "is_one_of"
INCLUDES_ANY_OF = "includes_any_of"
NONE_OF_THESE = "none"


def operator_for(multiple):
    """Single answers are tested with "is one of", multi-choice answers with "includes any of"."""
    return INCLUDES_ANY_OF if multiple else IS_ONE_OF


@dataclass(frozen=True)
class Condition:
    question: str
    operator: str
    values: frozenset

    def holds(self, answers):
        # An answer not given never satisfies a condition (TRIAGE_SPEC section 7).
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

    def fires(self, answers):
        # A rule with no conditions is incomplete, not a rule that always fires.
        return bool(self.conditions) and all(c.holds(answers) for c in self.conditions)


@dataclass(frozen=True)
class Question:
    key: str
    multiple: bool
    values: frozenset


@dataclass(frozen=True)
class Outcome:
    level: str
    fired: tuple  # the rules that fired, highest level first
    factors: tuple  # factor keys of every fired rule, in the order they first appear


@dataclass(frozen=True)
class Rulebook:
    levels: dict  # level key -> rank
    rules: tuple
    questions: dict  # question key -> Question

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
                    sorted((c.question, c.operator, sorted(c.values)) for c in rule.conditions),
                )
                for rule in self.rules
            ),
        }
        canonical = json.dumps(logic, sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()[:12]

    def problems_with(self, answers):
        """Why these answers are not valid for the questions: empty when they are."""
        if not isinstance(answers, dict):
            return ["answers must be an object of question keys and values"]
        problems = []
        for key, answer in answers.items():
            question = self.questions.get(key)
            if question is None:
                problems.append(f"unknown question {key!r}")
            elif question.multiple:
                problems.extend(_multiple_answer_problems(question, answer))
            elif not isinstance(answer, str) or answer not in question.values:
                problems.append(f"unknown value {answer!r} for {key!r}")
        return problems


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


def evaluate(rulebook, answers):
    """The highest level of any rule that fires, every fired rule, and all their factors."""
    fired = [rule for rule in rulebook.rules if rule.fires(answers)]
    fired.sort(key=lambda rule: -rulebook.levels[rule.level])  # stable: keeps rule order
    level = fired[0].level if fired else rulebook.lowest_level
    factors = tuple(dict.fromkeys(rule.factor for rule in fired if rule.factor))
    return Outcome(level=level, fired=tuple(fired), factors=factors)


@dataclass(frozen=True)
class SafetyCase:
    name: str
    answers: dict
    expected_level: str
    expected_factors: tuple = ()


@dataclass(frozen=True)
class CaseResult:
    case: SafetyCase
    got_level: str | None
    missing_factors: tuple = ()
    problems: tuple = ()

    @property
    def passed(self):
        return (
            not self.problems
            and self.got_level == self.case.expected_level
            and not self.missing_factors
        )

    def describe(self):
        if self.problems:
            return "invalid answers: " + "; ".join(self.problems)
        if self.missing_factors:
            return "missing factors: " + ", ".join(self.missing_factors)
        return ""


def check_case(rulebook, case):
    problems = rulebook.problems_with(case.answers)
    if case.expected_level not in rulebook.levels:
        problems.append(f"unknown expected level {case.expected_level!r}")
    if problems:
        return CaseResult(case=case, got_level=None, problems=tuple(problems))
    outcome = evaluate(rulebook, case.answers)
    missing = tuple(f for f in case.expected_factors if f not in outcome.factors)
    return CaseResult(case=case, got_level=outcome.level, missing_factors=missing)


def failing_cases(rulebook, cases):
    return [
        result for result in (check_case(rulebook, case) for case in cases) if not result.passed
    ]
