"""The safety gate: no change to the rules may make a safety case come out wrong."""

from triage import engine
from triage.models import SafetyCase, load_rulebook


class SafetyGateRefusal(Exception):
    def __init__(self, failures):
        self.failures = failures
        super().__init__(
            "This change was not saved, because these safety cases would come out wrong: "
            + "; ".join(_describe(failure) for failure in failures)
            + "."
        )


def _describe(failure):
    case = failure.case
    return f"“{case.name}” ({failure.describe()})"


def safety_case_failures():
    """Check every stored safety case against the rules as they stand in the database."""
    cases = [case.as_engine_case() for case in SafetyCase.objects.select_related("expected_level")]
    return engine.failing_cases(load_rulebook(), cases)


def check_safety_cases():
    failures = safety_case_failures()
    if failures:
        raise SafetyGateRefusal(failures)
