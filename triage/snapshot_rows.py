"""A release's snapshot as the checker's model objects, held in memory and never saved, so
the pages, forms and templates that show the checker read a release as they read the rows.
Their ids are only places in the snapshot (related managers want one), never rows' ids."""

from itertools import count

from education.models import Article
from triage.data_files import YES_NO
from triage.models import AdviceStep, Choice, Factor, Level, Page, Question


def pages(snapshot):
    ids = count(1)
    return [
        _page(data, number, ids)
        for number, data in enumerate(snapshot["questionnaire.json"]["pages"], 1)
    ]


def _page(data, page_id, ids):
    page = Page(id=page_id, **{key: data[key] for key in ("number", "slug", "title", "hint")})
    questions = [_question(page, order, item, ids) for order, item in enumerate(data["questions"])]
    _set_related(page, "questions", Question, questions)
    return page


def _question(page, order, data, ids):
    fields = {key: data[key] for key in ("key", "kind", "text", "hint", "error_message")}
    question = Question(
        id=next(ids), page=page, order=order, checks=data.get("checks", []), **fields
    )
    choices = [
        Choice(id=next(ids), question=question, value=value, label=label, order=number)
        for number, (value, label) in enumerate(data.get("choices", YES_NO))
    ]
    _set_related(question, "choices", Choice, choices)
    return question


def _set_related(instance, name, model, rows):
    """`instance.<name>.all()` gives these rows, without a query, as after prefetch_related."""
    rows_queryset = model.objects.all()
    rows_queryset._result_cache = rows
    rows_queryset._prefetch_done = True
    instance._prefetched_objects_cache = {name: rows_queryset}


def levels(snapshot):
    return [Level(**data) for data in snapshot["levels.json"]]


def advice_steps(snapshot):
    return [
        AdviceStep(order=order, **data) for order, data in enumerate(snapshot["advice_steps.json"])
    ]


def factors(snapshot):
    """The factors, linked to the articles their snapshot names where those exist."""
    data = snapshot["factors.json"]
    articles = Article.objects.in_bulk(
        {row["article"] for row in data if row["article"]}, field_name="slug"
    )
    return [
        Factor(
            order=order,
            article=articles.get(row["article"]),
            section=row["section"] if row["article"] in articles else "",
            **{key: row[key] for key in ("key", "title", "advice", "urgent_text", "hidden_by")},
        )
        for order, row in enumerate(data)
    ]
