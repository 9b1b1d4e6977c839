"""What changes for people between two snapshots: rules added, removed and changed, every
changed text as a word diff, and the shipped safety cases each changed rule touches."""

from editorial.diff import word_diff
from triage import data_files

RULE_FIELDS = ["level", "factor", "when", "reason", "action", "action_priority"]
RULE_FIELDS += ["reason_es", "action_es"]


def rule_changes(old, new):
    before = {rule["code"]: rule for rule in old["rules.json"]}
    after = {rule["code"]: rule for rule in new["rules.json"]}
    changed = []
    for code in [code for code in after if code in before]:
        fields = [
            {"field": name, "before": before[code].get(name), "after": after[code].get(name)}
            for name in RULE_FIELDS
            if before[code].get(name) != after[code].get(name)
        ]
        if fields:
            changed.append({"code": code, "fields": fields})
    return {
        "added": [rule for code, rule in after.items() if code not in before],
        "removed": [rule for code, rule in before.items() if code not in after],
        "changed": changed,
    }


SPANISH = " (Spanish)"


def reader_texts(snapshot):
    """{where it is shown: the text} for every text a reader sees, in English and, marked
    "(Spanish)", in Spanish: one release and one review cover both languages."""
    texts = {}
    for page in snapshot["questionnaire.json"]["pages"]:
        _both(texts, f"Page {page['slug']}", page, ["title", "hint"])
        texts[f"Page {page['slug']}: address{SPANISH}"] = page.get("slug_es", "")
        for question in page["questions"]:
            place = f"Question {question['key']}"
            _both(texts, place, question, ["text", "hint", "error_message"])
            for value, label, label_es in data_files.choice_rows(question):
                texts[f"{place}: answer {value}"] = label
                texts[f"{place}: answer {value}{SPANISH}"] = label_es
            for number, check in enumerate(question.get("checks", []), 1):
                _both(texts, f"{place}: answer check {number}", check, ["message"])
    rows = [
        ("Level", "levels.json", ["headline", "advice"]),
        ("Factor", "factors.json", ["title", "advice", "urgent_text"]),
        ("Advice step", "advice_steps.json", ["text"]),
    ]
    for kind, name, fields in rows:
        for row in snapshot[name]:
            _both(texts, f"{kind} {row['key']}", row, fields)
    for rule in snapshot["rules.json"]:
        _both(texts, f"Rule {rule['code']}", rule, ["reason", "action"])
    return texts


def _both(texts, place, data, fields):
    """Each field's English text, and its Spanish companion under the same place."""
    for field in fields:
        texts[f"{place}: {field}"] = data.get(field, "")
        texts[f"{place}: {field}{SPANISH}"] = data.get(f"{field}_es", "")


def text_changes(old, new):
    before, after = reader_texts(old), reader_texts(new)
    places = [*before, *(place for place in after if place not in before)]
    return [
        {"where": place, "diff": word_diff(before.get(place, ""), after.get(place, ""))}
        for place in places
        if before.get(place, "") != after.get(place, "")
    ]


def touched_cases(old, new, codes):
    """{rule code: names of the shipped cases where it fires under either snapshot}."""
    rulebooks = [data_files.rulebook_from(old), data_files.rulebook_from(new)]
    touched = {code: [] for code in codes}
    for case in data_files.shipped_cases():
        fired = set()
        for rulebook in rulebooks:
            answers = rulebook.walk(case.answers).answers
            fired |= {rule.code for rule in rulebook.rules if rule.fires(answers)}
        for code in fired & set(codes):
            touched[code].append(case.name)
    return touched


def changes(old, new):
    rules = rule_changes(old, new)
    codes = [rule["code"] for rule in rules["added"] + rules["removed"]]
    codes += [rule["code"] for rule in rules["changed"]]
    return {
        "rules": rules,
        "texts": text_changes(old, new),
        "touched": touched_cases(old, new, codes),
    }
