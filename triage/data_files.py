"""The questionnaire's data files (triage/data/*.json) and how they become rows.

The files are the reviewed source of version 3 of the rules (docs/clinical-safety.md): pages
with their questions and choices, levels, factors, advice steps, rules, and the safety cases,
each text with its Spanish beside it (docs/languages.md, "The checker in Spanish").
`manage.py load_content` loads them once, into a database with no release yet
(`load_checker`).
"""

import json
from pathlib import Path

from django.apps import apps
from django.db.models import Prefetch
from django.utils import timezone

from triage import engine

DATA_DIR = Path(__file__).resolve().parent / "data"
SAFETY_CASE_FILES = ["spec_examples.json", "safety_cases.json"]
# Safety case fields: words the care card must not say, or must say.
CARD_TEXT_FIELDS = ("forbidden_card_text", "required_card_text")
CARD_TEXT_FIELDS_ES = ("forbidden_card_text_es", "required_card_text_es")
# A yes-or-no question's answers, [value, English label, Spanish label], when its data does
# not list them. Older snapshots list [value, label] pairs: their Spanish label is empty.
YES_NO = [["yes", "Yes", "Sí"], ["no", "No", "No"]]
# The Spanish companion of each text a reader sees (docs/languages.md, "The checker"): the
# data files hold "title_es" next to "title", and the rows a field of that name.
SPANISH_FIELDS = {
    "Page": ("slug_es", "title_es", "hint_es"),
    "Question": ("text_es", "hint_es", "error_message_es"),
    "Choice": ("label_es",),
    "Level": ("headline_es", "advice_es"),
    "Factor": ("title_es", "advice_es", "urgent_text_es"),
    "AdviceStep": ("text_es",),
    "Rule": ("reason_es", "action_es"),
    "SafetyCase": ("forbidden_card_text_es", "required_card_text_es"),
}
# The models that hold the checker, which the data files fill and a snapshot reads;
# children first: rules and cases protect the levels, questions and factors they use.
MODELS = ["SafetyCase", "Condition", "Rule", "AdviceStep", "Choice", "Question", "Page"]
MODELS += ["Factor", "Level"]


def read(name, data_dir=DATA_DIR):
    with open(data_dir / name, encoding="utf-8") as file:
        return json.load(file)


class CaseFileError(ValueError):
    """A safety case file that is not in the format of triage/data/spec_examples.json."""


def choice_rows(question):
    """A question's answers as [value, label, Spanish label], whichever form its data has."""
    return [[*choice, ""][:3] for choice in question.get("choices", YES_NO)]


def spanish_of(model, data):
    """The Spanish texts that data holds for this model's rows (a snapshot of a release from
    before the checker was in Spanish holds none)."""
    return {name: data[name] for name in SPANISH_FIELDS[model.__name__] if name in data}


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
    unknown -= {"forbidden_advice", *CARD_TEXT_FIELDS, *CARD_TEXT_FIELDS_ES}
    if unknown:
        raise CaseFileError(f"case {number} has unknown fields: {', '.join(sorted(unknown))}")
    lists = {
        key: item.get(key, [])
        for key in ("forbidden_advice", *CARD_TEXT_FIELDS, *CARD_TEXT_FIELDS_ES)
    }
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


def _model(name, app="triage"):
    """A model by name, looked up when used: triage.models imports this module."""
    return apps.get_model(app, name)


def load_questionnaire(data_dir=DATA_DIR):
    """Create every row of the questionnaire from the data files in data_dir."""
    model = {name: _model(name) for name in MODELS}
    questions = _load_pages(model, data_dir)
    levels = {
        row["key"]: model["Level"].objects.create(
            **_fields_of(row, "key", "rank", "care_card", "headline", "advice"),
            **spanish_of(model["Level"], row),
        )
        for row in read("levels.json", data_dir)
    }
    factors = _load_factors(model, _model("Article", app="education"), data_dir)
    for order, step in enumerate(read("advice_steps.json", data_dir)):
        english = _fields_of(step, "key", "section", "text", "levels", "not_with", "only_with")
        model["AdviceStep"].objects.create(
            order=order, **english, **spanish_of(model["AdviceStep"], step)
        )
    for order, rule in enumerate(read("rules.json", data_dir)):
        _load_rule(model, order, rule, levels, factors, questions)
    model["SafetyCase"].objects.bulk_create(
        model["SafetyCase"](
            name=case.name,
            answers=case.answers,
            expected_level=levels[case.expected_level],
            expected_factors=None if case.expected_factors is None else list(case.expected_factors),
            forbidden_advice=list(case.forbidden_advice),
            **{key: list(getattr(case, key)) for key in (*CARD_TEXT_FIELDS, *CARD_TEXT_FIELDS_ES)},
        )
        for case in shipped_cases(data_dir)
    )


def _fields_of(data, *names):
    return {name: data[name] for name in names if name in data}


def _load_pages(model, data_dir):
    questions = {}
    for page_data in read("questionnaire.json", data_dir)["pages"]:
        fields = {key: page_data[key] for key in ("number", "slug", "title", "hint")}
        page = model["Page"].objects.create(**fields, **spanish_of(model["Page"], page_data))
        for order, data in enumerate(page_data["questions"]):
            question = model["Question"].objects.create(
                page=page,
                order=order,
                **{key: data[key] for key in ("key", "kind", "text", "hint", "error_message")},
                checks=data.get("checks", []),
                **spanish_of(model["Question"], data),
            )
            model["Choice"].objects.bulk_create(
                model["Choice"](
                    question=question,
                    value=value,
                    label=label,
                    order=n,
                    **spanish_of(model["Choice"], {"label_es": label_es}),
                )
                for n, (value, label, label_es) in enumerate(choice_rows(data))
            )
            questions[question.key] = question
    return questions


def _load_factors(model, Article, data_dir):
    factors = {}
    for order, data in enumerate(read("factors.json", data_dir)):
        # An article that is not there (yet) leaves the factor without a link, not broken.
        article = Article.objects.filter(slug=data["article"]).first()
        section = data["section"] if article and data["section"] in _sections(article) else ""
        factors[data["key"]] = model["Factor"].objects.create(
            order=order,
            article=article,
            section=section,
            **{key: data[key] for key in ("key", "title", "advice", "urgent_text", "hidden_by")},
            **spanish_of(model["Factor"], data),
        )
    return factors


def link_factor_articles(**kwargs):
    """Give each advice block without an article the one its data file names, once that
    article exists (an article may be loaded after the checker). A link an editor set is kept."""
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
        # Only a rule that sends people somewhere has an action (the place to go).
        **{key: data[key] for key in ("action", "action_priority") if key in data},
        **spanish_of(model["Rule"], data),
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


# The data files a snapshot holds, by name; a release's snapshot is {file name: its JSON}.
SNAPSHOT_FILES = [
    "questionnaire.json",
    "levels.json",
    "factors.json",
    "advice_steps.json",
    "rules.json",
    "safety_cases.json",
]


def shipped_snapshot(data_dir=DATA_DIR):
    """The shipped data files as one snapshot. Both case files go into safety_cases.json:
    the rows do not record which file a case came from, and a release holds them all."""
    snapshot = {name: read(name, data_dir) for name in SNAPSHOT_FILES}
    snapshot["safety_cases.json"] = [
        case for name in SAFETY_CASE_FILES for case in read(name, data_dir)
    ]
    return snapshot


def snapshot_of():
    """The checker's rows, as the data files would hold them (the draft; release 1 when the
    shipped checker is loaded)."""
    model = {name: _model(name) for name in MODELS}
    return {
        "questionnaire.json": {"pages": [_page_data(page) for page in _pages(model)]},
        "levels.json": [
            _fields(level, "key", "rank", "care_card", "headline", "advice", *_es("Level"))
            for level in model["Level"].objects.order_by("-rank")
        ],
        "factors.json": [
            {
                **_fields(factor, "key", "title", "advice", "urgent_text", *_es("Factor")),
                "article": factor.article.slug if factor.article else "",
                "section": factor.section,
                "hidden_by": factor.hidden_by,
            }
            for factor in model["Factor"].objects.select_related("article").order_by("order", "key")
        ],
        "advice_steps.json": [
            _fields(step, "key", "section", "levels", "not_with", "only_with", "text", "text_es")
            for step in model["AdviceStep"].objects.order_by("order", "key")
        ],
        "rules.json": [_rule_data(rule) for rule in _rules(model)],
        "safety_cases.json": [
            _case_data(case)
            for case in model["SafetyCase"].objects.select_related("expected_level").order_by("id")
        ],
    }


def _fields(row, *names):
    """The named fields of a row."""
    return {name: getattr(row, name) for name in names}


def _es(model_name):
    return SPANISH_FIELDS[model_name]


def _pages(model):
    choices = model["Choice"].objects.order_by("order", "id")
    questions = (
        model["Question"]
        .objects.order_by("order", "id")
        .prefetch_related(Prefetch("choices", choices))
    )
    return (
        model["Page"].objects.order_by("number").prefetch_related(Prefetch("questions", questions))
    )


def _page_data(page):
    return {
        **_fields(page, "number", "slug", "title", "hint", *_es("Page")),
        "questions": [_question_data(question) for question in page.questions.all()],
    }


def _question_data(question):
    data = _fields(question, "key", "kind", "text", "hint", "error_message", *_es("Question"))
    choices = [[choice.value, choice.label, choice.label_es] for choice in question.choices.all()]
    if question.kind != "yes_no" or choices != YES_NO:
        data["choices"] = choices
    if question.checks:
        data["checks"] = question.checks
    return data


def _rules(model):
    conditions = model["Condition"].objects.select_related("question").order_by("id")
    return (
        model["Rule"]
        .objects.select_related("level", "factor")
        .prefetch_related(Prefetch("conditions", conditions))
        .order_by("-level__rank", "order", "code")
    )


def _rule_data(rule):
    data = {
        "code": rule.code,
        "level": rule.level.key,
        "factor": rule.factor.key if rule.factor else None,
        "when": {c.question.key: c.values for c in rule.conditions.all()},
        "reason": rule.reason,
        **_fields(rule, "reason_es"),
    }
    if rule.action:
        data.update(action=rule.action, action_priority=rule.action_priority)
        data.update(_fields(rule, "action_es"))
    return data


def _case_data(case):
    data = {
        "name": case.name,
        "answers": case.answers,
        "expected_urgency": case.expected_level.key,
    }
    if case.expected_factors is not None:
        data["expected_factors"] = case.expected_factors
    data["forbidden_advice"] = case.forbidden_advice
    for key in (*CARD_TEXT_FIELDS, *CARD_TEXT_FIELDS_ES):
        if getattr(case, key):
            data[key] = getattr(case, key)
    return data


def write_snapshot(snapshot, data_dir):
    """A snapshot as data files in data_dir, in the format of triage/data/."""
    data_dir.mkdir(parents=True, exist_ok=True)
    for name in SNAPSHOT_FILES:
        text = json.dumps(snapshot[name], indent=2, ensure_ascii=False)
        (data_dir / name).write_text(text + "\n", encoding="utf-8")


def rulebook_from(snapshot):
    """The engine's rules from a snapshot."""
    pages = snapshot["questionnaire.json"]["pages"]
    questions = [question for page in pages for question in page["questions"]]
    multiple = {q["key"]: q["kind"] == "multiple" for q in questions}
    levels = snapshot["levels.json"]
    return engine.Rulebook(
        levels={level["key"]: level["rank"] for level in levels},
        cards={level["key"]: f"{level['headline']}\n{level['advice']}" for level in levels},
        cards_es={
            level["key"]: f"{level.get('headline_es', '')}\n{level.get('advice_es', '')}"
            for level in levels
        },
        rules=tuple(_engine_rule(rule, multiple) for rule in snapshot["rules.json"]),
        questions={q["key"]: _engine_question(q, multiple) for q in questions},
        pages=tuple(
            tuple(q["key"] for q in page["questions"]) for page in pages if page["questions"]
        ),
        factors=tuple(
            engine.Factor(key=f["key"], hidden_by=frozenset(f["hidden_by"]))
            for f in snapshot["factors.json"]
        ),
        advice_steps=tuple(
            engine.AdviceStep(
                key=step["key"],
                levels=frozenset(step["levels"]),
                not_with=frozenset(step["not_with"]),
                only_with=frozenset(step["only_with"]),
            )
            for step in snapshot["advice_steps.json"]
        ),
    )


def _engine_rule(rule, multiple):
    return engine.Rule(
        code=rule["code"],
        level=rule["level"],
        reason=rule["reason"],
        factor=rule["factor"],
        action=rule.get("action", ""),
        action_es=rule.get("action_es", ""),
        action_priority=rule.get("action_priority", 0),
        conditions=tuple(
            engine.Condition(key, engine.operator_for(multiple[key]), frozenset(values))
            for key, values in rule["when"].items()
        ),
    )


def _engine_question(question, multiple):
    return engine.Question(
        key=question["key"],
        multiple=multiple[question["key"]],
        values=frozenset(choice[0] for choice in choice_rows(question)),
        checks=tuple(_answer_check(check, multiple) for check in question.get("checks", [])),
    )


def _answer_check(check, multiple):
    conditions = tuple(
        engine.Condition(key, engine.operator_for(multiple.get(key, False)), frozenset(values))
        for key, values in check["when"].items()
    )
    return engine.AnswerCheck(
        conditions, frozenset(check["allowed"]), check["message"], check.get("message_es", "")
    )


def create_first_release():
    """Release 1, published: the checker's rows as they stand."""
    now = timezone.now()
    _model("CheckerRelease").objects.create(
        number=1,
        status="published",
        snapshot=snapshot_of(),
        published_at=now,
        reviewed_at=now,
        note="The checker as shipped in the project's data files (triage/data/).",
    )


def load_checker():
    """The shipped checker, once (`manage.py load_content`, after the articles its advice
    links to): with no release yet, the rows from the data files (unless rows are there)
    and release 1 from them. Once there is a release, the rows are the clinical reviewers'
    draft and releases come only from their approval, so nothing is loaded over them."""
    if _model("CheckerRelease").objects.exists():
        return "unchanged"
    if not _model("Page").objects.exists():
        load_questionnaire()
    create_first_release()
    return "created"
