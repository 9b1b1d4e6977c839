"""Every text a reader of the checker sees must have its Spanish text, with the same
placeholders (docs/clinical-safety.md, "The safety gate"): a Spanish reader must never get
a missing sentence, or a "{EMERGENCY_NUMBER}" the site does not fill in."""

import re

from triage import data_files, release_diff

PLACEHOLDER = re.compile(r"\{[A-Za-z_]+\}")
# Optional: without its own, a page's Spanish address uses the English slug.
OPTIONAL = {"slug_es"}
TEXTS_NAMED = 5  # more would bury what to do next; the rest are counted


def text_problem(english, spanish):
    """What is wrong with one Spanish text beside its English one, or ""."""
    if not english.strip():
        return ""
    if not spanish.strip():
        return f"“{_short(english)}” has no Spanish text"
    if sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(spanish)):
        placeholders = ", ".join(sorted(set(PLACEHOLDER.findall(english)))) or "none"
        return (
            f"the Spanish text of “{_short(english)}” does not have the same placeholders as "
            f"the English one (the English has: {placeholders})"
        )
    return ""


def _short(text):
    first_line = text.strip().splitlines()[0]
    return first_line if len(first_line) <= 80 else first_line[:77] + "..."


def snapshot_problems(snapshot):
    """Each text of a snapshot (a draft or a release) without its Spanish, or with other
    placeholders than its English."""
    texts = release_diff.reader_texts(snapshot)
    problems = []
    for place, english in texts.items():
        spanish = texts.get(place + release_diff.SPANISH)
        if place.endswith(release_diff.SPANISH) or spanish is None:
            continue
        problem = text_problem(english, spanish)
        if problem:
            problems.append(problem)
    return problems


def row_problems(row):
    """The same, for one row as saved in the admin (a question, an answer, a rule...)."""
    problems = []
    for spanish_field in data_files.SPANISH_FIELDS.get(type(row).__name__, ()):
        english_field = spanish_field.removesuffix("_es")
        english = getattr(row, english_field)
        if spanish_field in OPTIONAL or not isinstance(english, str):
            continue
        problems.append(text_problem(english, getattr(row, spanish_field) or ""))
    for check in getattr(row, "checks", None) or []:
        problems.append(text_problem(check.get("message", ""), check.get("message_es", "")))
    return [problem for problem in problems if problem]


def refusal_text(problems, what):
    """One message: the first texts named, the rest counted, and what to do next."""
    named = [problem[0].upper() + problem[1:] + "." for problem in problems[:TEXTS_NAMED]]
    more = len(problems) - TEXTS_NAMED
    if more > 0:
        named.append(f"And {more} more text{'s' if more > 1 else ''}.")
    return [
        f"{what}: every text readers see must also be written in Spanish.",
        *named,
        "What to do next: write the Spanish text beside the English one, with the same "
        "placeholders such as {EMERGENCY_NUMBER}, and save again.",
    ]
