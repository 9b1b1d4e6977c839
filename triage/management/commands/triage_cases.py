import json

from django.core.management.base import BaseCommand, CommandError

from triage import engine
from triage.models import load_rulebook


class Command(BaseCommand):
    help = (
        "Check the safety cases in a JSON file (the format of triage_cases.json) against the "
        "rules in the database. Exits non-zero when any case fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON file: a list of cases")

    def handle(self, *args, **options):
        cases = read_cases(options["file"])
        rulebook = load_rulebook()
        failed = 0
        for case in cases:
            result = engine.check_case(rulebook, case)
            failed += not result.passed
            self.stdout.write(describe(result))
        self.stdout.write(f"{len(cases) - failed} passed, {failed} failed")
        if failed:
            raise SystemExit(1)


def describe(result):
    case = result.case
    verdict = "PASS" if result.passed else "FAIL"
    line = f"{case.name}: expected {case.expected_level}, got {result.got_level or '-'}: {verdict}"
    return f"{line} ({result.describe()})" if result.describe() else line


def read_cases(path):
    try:
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CommandError(f"{path} is not valid JSON: {error}") from None
    if not isinstance(data, list):
        raise CommandError(f"{path} must hold a list of cases")
    return [case_from(item, number) for number, item in enumerate(data, start=1)]


def case_from(item, number):
    if not isinstance(item, dict):
        raise CommandError(f"case {number} is not an object")
    missing = [key for key in ("name", "answers", "expected_urgency") if key not in item]
    if missing:
        raise CommandError(f"case {number} has no {', '.join(missing)}")
    factors = item.get("expected_factors") or []
    if not isinstance(factors, list):
        raise CommandError(f"case {number}: expected_factors must be a list")
    return engine.SafetyCase(
        name=str(item["name"]),
        answers=item["answers"],
        expected_level=str(item["expected_urgency"]),
        expected_factors=tuple(map(str, factors)),
    )
