"""The questionnaire's data files (triage/data/*.json) and how they become rows.

The files are the reviewed source of version 3 of the rules (docs/clinical-safety.md): pages
with their questions and choices, levels, factors, advice steps, rules, and the safety cases.
triage/data/version_2/ keeps version 2 as it was shipped, for the migrations that load it and
the one that goes back to it. A data migration loads them with the historical models it is
given, so it keeps working as the models grow.
"""

import json
from pathlib import Path

from triage import engine

DATA_DIR = Path(__file__).resolve().parent / "data"
VERSION_2_DIR = DATA_DIR / "version_2"
SAFETY_CASE_FILES = ["spec_examples.json", "safety_cases.json"]
# Safety case fields of version 3 (migration 0008): words the care card must not or must say.
CARD_TEXT_FIELDS = ("forbidden_card_text", "required_card_text")
YES_NO = [["yes", "Yes"], ["no", "No"]]
# Children first: rules and cases protect the levels, questions and factors they use.
MODELS = ["SafetyCase", "Condition", "Rule", "AdviceStep", "Choice", "Question", "Page"]
MODELS += ["Factor", "Level"]


def read(name, data_dir=DATA_DIR):
    with open(data_dir / name, encoding="utf-8") as file:
        return json.load(file)


class CaseFileError(ValueError):
    """A safety case file that is not in the format of triage/data/spec_examples.json."""


def cases_from(data):
    """Safety cases from the JSON of a case file: a list of objects with a name, answers and
    expected_urgency, and optionally expected_factors, forbidden_advice, and the words the
    care card must not say or must say (forbidden_card_text, required_card_text)."""
    if not isinstance(data, list):
        raise CaseFileError("the file must hold a list of cases")
    return [_case_from(item, number) for number, item in enumerate(data, start=1)]


def _case_from(item, number):
    if not isinstance(item, dict):
        raise CaseFileError(f"case {number} is not an object")
    missing = [key for key in ("name", "answers", "expected_urgency") if key not in item]
    if missing:
        raise CaseFileError(f"case {number} has no {', '.join(missing)}")
    unknown = set(item) - {"name", "answers", "expected_urgency", "expected_factors"}
    unknown -= {"forbidden_advice", *CARD_TEXT_FIELDS}
    if unknown:
        raise CaseFileError(f"case {number} has unknown fields: {', '.join(sorted(unknown))}")
    lists = {key: item.get(key, []) for key in ("forbidden_advice", *CARD_TEXT_FIELDS)}
    factors = item.get("expected_factors")
    for name, value in [("expected_factors", factors), *lists.items()]:
        if value is not None and not isinstance(value, list):
            raise CaseFileError(f"case {number}: {name} must be a list")
    return engine.SafetyCase(
        name=str(item["name"]),
        answers=item["answers"],
        expected_level=str(item["expected_urgency"]),
        expected_factors=None if factors is None else tuple(map(str, factors)),
        **{key: tuple(map(str, value)) for key, value in lists.items()},
    )


def shipped_cases(data_dir=DATA_DIR):
    return [case for name in SAFETY_CASE_FILES for case in cases_from(read(name, data_dir))]


def load_questionnaire(apps, data_dir=DATA_DIR):
    """Create every row of the questionnaire from the data files in data_dir."""
    model = {name: apps.get_model("triage", name) for name in MODELS}
    questions = _load_pages(model, data_dir)
    levels = {
        row["key"]: model["Level"].objects.create(**row) for row in read("levels.json", data_dir)
    }
    factors = _load_factors(model, apps.get_model("education", "Article"), data_dir)
    for order, step in enumerate(read("advice_steps.json", data_dir)):
        model["AdviceStep"].objects.create(order=order, **step)
    for order, rule in enumerate(read("rules.json", data_dir)):
        _load_rule(model, order, rule, levels, factors, questions)
    model["SafetyCase"].objects.bulk_create(
        model["SafetyCase"](
            name=case.name,
            answers=case.answers,
            expected_level=levels[case.expected_level],
            expected_factors=None if case.expected_factors is None else list(case.expected_factors),
            forbidden_advice=list(case.forbidden_advice),
            # Only version 3 cases have these, and only the models since 0008 their fields.
            **{key: list(getattr(case, key)) for key in CARD_TEXT_FIELDS if getattr(case, key)},
        )
        for case in shipped_cases(data_dir)
    )


def _load_pages(model, data_dir):
    questions = {}
    for page_data in read("questionnaire.json", data_dir)["pages"]:
        fields = {key: page_data[key] for key in ("number", "slug", "title", "hint")}
        page = model["Page"].objects.create(**fields)
        for order, data in enumerate(page_data["questions"]):
            question = model["Question"].objects.create(
                page=page,
                order=order,
                **{key: data[key] for key in ("key", "kind", "text", "hint", "error_message")},
                checks=data.get("checks", []),
            )
            model["Choice"].objects.bulk_create(
                model["Choice"](question=question, value=value, label=label, order=n)
                for n, (value, label) in enumerate(data.get("choices", YES_NO))
            )
            questions[question.key] = question
    return questions


def _load_factors(model, Article, data_dir):
    factors = {}
    for order, data in enumerate(read("factors.json", data_dir)):
        # An article that is not there (yet) leaves the factor without a link, not broken.
        # Only the columns every version of the article table has: a migration may run
        # against a later education schema than its historical model knows.
        article = Article.objects.filter(slug=data["article"]).only("pk", "sections").first()
        section = data["section"] if article and data["section"] in _sections(article) else ""
        factors[data["key"]] = model["Factor"].objects.create(
            order=order,
            article=article,
            section=section,
            **{key: data[key] for key in ("key", "title", "advice", "urgent_text", "hidden_by")},
        )
    return factors


def link_factor_articles(**kwargs):
    """Give each advice block without an article the one its data file names, once that
    article exists (articles are loaded after migrations). A link an editor set is kept."""
    from education.models import Article
    from triage.models import Factor

    named = {row["key"]: row for row in read("factors.json") if row["article"]}
    articles = Article.objects.in_bulk(
        {row["article"] for row in named.values()}, field_name="slug"
    )
    for factor in Factor.objects.filter(key__in=named, article__isnull=True):
        article = articles.get(named[factor.key]["article"])
        if article is None:
            continue
        factor.article = article
        section = named[factor.key]["section"]
        factor.section = section if section in _sections(article) else ""
        factor.save(update_fields=["article", "section"])


def _sections(article):
    return {section["id"] for section in article.sections}


def _load_rule(model, order, data, levels, factors, questions):
    rule = model["Rule"].objects.create(
        code=data["code"],
        level=levels[data["level"]],
        factor=factors[data["factor"]] if data["factor"] else None,
        reason=data["reason"],
        order=order,
        # Version 3 rules only: an action names the place to go (model field since 0008).
        **{key: data[key] for key in ("action", "action_priority") if key in data},
    )
    model["Condition"].objects.bulk_create(
        model["Condition"](
            rule=rule,
            question=questions[key],
            operator=engine.operator_for(questions[key].kind == "multiple"),
            values=values,
        )
        for key, values in data["when"].items()
    )


def remove_questionnaire(apps, schema_editor):
    # Plain deletes, children first: Django's cascade collector can trip over the
    # historical models when several migrations are reversed in one run.
    for name in MODELS:
        table = apps.get_model("triage", name)._meta.db_table
        schema_editor.execute(f"DELETE FROM {schema_editor.quote_name(table)}")


def rules_table():
    """The rules of rules.json as the Markdown table in docs/clinical-safety.md."""
    multiple = {
        question["key"]
        for page in read("questionnaire.json")["pages"]
        for question in page["questions"]
        if question["kind"] == "multiple"
    }
    lines = [
        "| id | fires when | level | factor | reason shown | the care card sends to |",
        "|---|---|---|---|---|---|",
    ]
    for rule in read("rules.json"):
        when = "; ".join(
            _condition_text(key, values, key in multiple) for key, values in rule["when"].items()
        )
        factor = rule["factor"] or ""
        action = _action_text(rule)
        cells = [rule["code"], when, rule["level"], factor, rule["reason"], action]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _action_text(rule):
    """The first line of a rule's action (where to go), with its priority when it has one."""
    if not rule.get("action"):
        return ""
    return f"{rule['action'].splitlines()[0]} (priority {rule['action_priority']})"


def _condition_text(key, values, multiple):
    if multiple:
        return f"{key} has {'any of ' if len(values) > 1 else ''}{', '.join(values)}"
    return f"{key} = {values[0]}" if len(values) == 1 else f"{key} in {', '.join(values)}"
