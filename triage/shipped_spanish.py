"""The shipped Spanish texts for a database whose checker was loaded before it had Spanish
fields (docs/languages.md, "The checker in Spanish").

On a fresh database the migrations load the data files into the rows and release 1 before
the migration that adds the Spanish fields runs, so `manage.py load_content` (which `make
run` and the test database run after migrating) then gives each row, and a release 1 that
no clinician has acted on yet, the Spanish texts of the data files. Only where a row's or
the release's English words are still the shipped ones: Spanish written for other English
words would not say the same thing. A row with Spanish of its own is never touched.
"""

import reversion
from django.db import transaction

from triage import data_files

ENGLISH_TEXTS = {
    "Page": ("slug", "title", "hint"),
    "Question": ("text", "hint", "error_message"),
    "Level": ("headline", "advice"),
    "Factor": ("title", "advice", "urgent_text"),
    "AdviceStep": ("text",),
    "Rule": ("reason", "action"),
}


def shipped_entries(snapshot):
    """{(model name, key): the data of that row} for the texts a snapshot holds."""
    pages = snapshot["questionnaire.json"]["pages"]
    entries = {("Page", page["slug"]): page for page in pages}
    entries.update(
        (("Question", question["key"]), question)
        for page in pages
        for question in page["questions"]
    )
    entries.update((("Level", level["key"]), level) for level in snapshot["levels.json"])
    entries.update((("Factor", factor["key"]), factor) for factor in snapshot["factors.json"])
    entries.update((("AdviceStep", step["key"]), step) for step in snapshot["advice_steps.json"])
    entries.update((("Rule", rule["code"]), rule) for rule in snapshot["rules.json"])
    return entries


def _same_english(name, entry, shipped):
    return all(entry.get(text, "") == shipped.get(text, "") for text in ENGLISH_TEXTS[name])


def _has_spanish(entry):
    return any(key.endswith("_es") and value for key, value in entry.items())


def with_shipped_spanish(snapshot, shipped):
    """The snapshot, each entry still in the shipped English given the shipped Spanish."""
    shipped_by_key = shipped_entries(shipped)
    for (name, key), entry in shipped_entries(snapshot).items():
        source = shipped_by_key.get((name, key))
        if source is None or _has_spanish(entry) or not _same_english(name, entry, source):
            continue
        entry.update({field: source[field] for field in source if field.endswith("_es")})
        if name == "Question":
            _copy_choices_and_checks(entry, source)
    cases = {case["name"]: case for case in shipped["safety_cases.json"]}
    for case in snapshot["safety_cases.json"]:
        source = cases.get(case["name"], {})
        for field in data_files.CARD_TEXT_FIELDS_ES:
            if source.get(field) and not case.get(field):
                case[field] = source[field]
    return snapshot


def _copy_choices_and_checks(entry, source):
    """The shipped answers' Spanish labels and the checks' Spanish messages, where the
    English ones are the shipped ones."""
    english = [choice[:2] for choice in data_files.choice_rows(entry)]
    same_choices = english == [choice[:2] for choice in data_files.choice_rows(source)]
    if same_choices and ("choices" in entry or "choices" in source):
        entry["choices"] = data_files.choice_rows(source)
    checks = _without_spanish(entry.get("checks", []))
    if checks and checks == _without_spanish(source.get("checks", [])):
        entry["checks"] = source["checks"]


def _without_spanish(checks):
    return [{k: v for k, v in check.items() if k != "message_es"} for check in checks]


def add_shipped_spanish(**kwargs):
    """Give the rows and an untouched release 1 the shipped Spanish texts (see above)."""
    from django.apps import apps

    shipped = data_files.shipped_snapshot()
    # A revision of its own, so restoring a row's history never takes its Spanish away.
    with transaction.atomic(), reversion.create_revision():
        reversion.set_comment("Spanish texts added from the shipped data files.")
        _fill_rows(apps, shipped)
        _fill_first_release(apps, shipped)


def _fill_rows(apps, shipped):
    """The rows through their snapshot: what the draft would hold with the shipped Spanish."""
    draft = data_files.snapshot_of(apps)
    before = shipped_entries(data_files.snapshot_of(apps))
    after = shipped_entries(with_shipped_spanish(draft, shipped))
    model = {name: apps.get_model("triage", name) for name in data_files.MODELS}
    key_field = {"Page": "slug", "Rule": "code"}
    for (name, key), entry in after.items():
        spanish = {f: entry[f] for f in data_files.SPANISH_FIELDS[name] if f in entry}
        if spanish == {f: before[(name, key)].get(f) for f in spanish}:
            continue
        row = model[name].objects.get(**{key_field.get(name, "key"): key})
        for field, value in spanish.items():
            setattr(row, field, value)
        if name == "Question":
            row.checks = entry.get("checks", [])
            row.save()
            _fill_choices(row, entry)
        else:
            row.save()
    _fill_cases(model["SafetyCase"], draft)


def _fill_choices(question, entry):
    labels = {value: label_es for value, _, label_es in data_files.choice_rows(entry)}
    for choice in question.choices.all():
        if not choice.label_es and labels.get(choice.value):
            choice.label_es = labels[choice.value]
            choice.save(update_fields=["label_es"])


def _fill_cases(SafetyCase, draft):
    words = {
        data["name"]: {f: data[f] for f in data_files.CARD_TEXT_FIELDS_ES if data.get(f)}
        for data in draft["safety_cases.json"]
    }
    for case in SafetyCase.objects.filter(name__in=[name for name in words if words[name]]):
        missing = {f: v for f, v in words[case.name].items() if not getattr(case, f)}
        if missing:
            SafetyCase.objects.filter(pk=case.pk).update(**missing)


def _fill_first_release(apps, shipped):
    """Release 1 as shipped, still published and never reviewed or put back by anyone."""
    CheckerRelease = apps.get_model("triage", "CheckerRelease")
    release = CheckerRelease.objects.filter(
        number=1, status="published", reviewed_by__isnull=True, restores__isnull=True
    ).first()
    if release is None or any(_has_spanish(e) for e in shipped_entries(release.snapshot).values()):
        return
    release.snapshot = with_shipped_spanish(release.snapshot, shipped)
    release.save(update_fields=["snapshot"])
