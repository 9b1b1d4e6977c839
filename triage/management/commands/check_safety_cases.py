import json

from django.core.management.base import BaseCommand, CommandError

from triage import engine
from triage.data_files import CaseFileError, cases_from
from triage.models import SafetyCase, load_rulebook


class Command(BaseCommand):
    help = (
        "Check safety cases against the rules, factors and advice steps in the database: "
        "those in FILE (the format of triage/data/spec_examples.json), or without FILE the "
        "shipped cases in the database. Prints a line a case and exits non-zero on a failure."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="JSON file: a list of cases")

    def handle(self, *args, file=None, **options):
        cases = read_cases(file) if file else stored_cases()
        rulebook = load_rulebook()
        failed = 0
        for case in cases:
            result = engine.check_case(rulebook, case)
            failed += not result.passed
            self.stdout.write(describe(result))
        self.stdout.write(f"{len(cases) - failed} passed, {failed} failed")
        if failed:
            raise CommandError(f"{failed} safety cases failed", returncode=1)


def describe(result):
    case = result.case
    verdict = "PASS" if result.passed else "FAIL"
    line = f"{case.name}: expected {case.expected_level}, got {result.got_level or '-'}: {verdict}"
    return f"{line} ({result.describe()})" if not result.passed else line


def stored_cases():
    return [case.as_engine_case() for case in SafetyCase.objects.select_related("expected_level")]


def read_cases(path):
    try:
        with open(path, encoding="utf-8") as file:
            return cases_from(json.load(file))
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CommandError(f"{path} is not valid JSON: {error}") from None
    except CaseFileError as error:
        raise CommandError(f"{path}: {error}") from None
