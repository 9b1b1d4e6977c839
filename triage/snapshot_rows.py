"""A release's snapshot as the checker's model objects, held in memory and never saved, so
the pages, forms and templates that show the checker read a release as they read the rows.
Their ids are only places in the snapshot (related managers want one), never rows' ids.

Built in one language: in Spanish each text field holds the snapshot's Spanish text (its
`_es` companion), so the templates, forms and views show either language unchanged. A
snapshot from before the Spanish texts, or a text left empty, shows the English one."""

import copy
from itertools import count

from education.languages import ENGLISH
from education.models import Article
from triage.data_files import choice_rows
from triage.models import AdviceStep, Choice, Factor, Level, Page, Question


def in_language(data, names, language):
    """The named texts of data in this language, falling back to English."""
    if language == ENGLISH:
        return {name: data[name] for name in names}
    return {name: data.get(f"{name}_{language}") or data[name] for name in names}


def pages(snapshot, language=ENGLISH):
    ids = count(1)
    return [
        _page(data, number, ids, language)
        for number, data in enumerate(snapshot["questionnaire.json"]["pages"], 1)
    ]


def _page(data, page_id, ids, language):
    words = in_language(data, ("slug", "title", "hint"), language)
    page = Page(id=page_id, number=data["number"], **words)
    questions = [
        _question(page, order, item, ids, language) for order, item in enumerate(data["questions"])
    ]
    _set_related(page, "questions", Question, questions)
    return page


def _question(page, order, data, ids, language):
    fields = {key: data[key] for key in ("key", "kind")}
    fields.update(in_language(data, ("text", "hint", "error_message"), language))
    question = Question(
        id=next(ids), page=page, order=order, checks=data.get("checks", []), **fields
    )
    choices = [
        Choice(
            id=next(ids),
            question=question,
            value=value,
            order=number,
            **in_language({"label": label, "label_es": label_es}, ("label",), language),
        )
        for number, (value, label, label_es) in enumerate(choice_rows(data))
    ]
    _set_related(question, "choices", Choice, choices)
    return question


def _set_related(instance, name, model, rows):
    """`instance.<name>.all()` gives these rows, without a query, as after prefetch_related."""
    rows_queryset = model.objects.all()
    rows_queryset._result_cache = rows
    rows_queryset._prefetch_done = True
    instance._prefetched_objects_cache = {name: rows_queryset}


def levels(snapshot, language=ENGLISH):
    return [
        Level(
            **{key: data[key] for key in ("key", "rank", "care_card")},
            **in_language(data, ("headline", "advice"), language),
        )
        for data in snapshot["levels.json"]
    ]


def advice_steps(snapshot, language=ENGLISH):
    return [
        AdviceStep(
            order=order,
            **{key: data[key] for key in ("key", "section", "levels", "not_with", "only_with")},
            **in_language(data, ("text",), language),
        )
        for order, data in enumerate(snapshot["advice_steps.json"])
    ]


def factors(snapshot, language=ENGLISH):
    """The factors, without their articles: a release never changes, but the articles it
    links to do (published, withdrawn, translated), so each page that shows factors links
    them afresh (`with_articles`)."""
    return [
        Factor(
            order=order,
            key=row["key"],
            hidden_by=row["hidden_by"],
            **in_language(row, ("title", "advice", "urgent_text"), language),
        )
        for order, row in enumerate(snapshot["factors.json"])
    ]


def with_articles(shown, snapshot, language=ENGLISH):
    """Copies of the factors shown, linked to the articles their snapshot names as those
    stand now, in this language, where readers may open them (one query, none without
    articles): a draft or withdrawn article is not linked. Copies: the factors
    themselves are kept and shared by every request of this process."""
    named = {row["key"]: row for row in snapshot["factors.json"]}
    slugs = {named[factor.key]["article"] for factor in shown} - {""}
    articles = {}
    if slugs:
        articles = (
            Article.objects.published().in_bulk(slugs, field_name="slug")
            if language == ENGLISH
            else _translations(slugs, language)
        )
    linked = []
    for factor in shown:
        article = articles.get(named[factor.key]["article"])
        linked.append(copy.copy(factor))
        linked[-1].article = article
        linked[-1].section = _section(article, named[factor.key]["section"], language)
    return linked


def _translations(english_slugs, language):
    """{English slug: its published translation}: a Spanish result links to Spanish pages."""
    found = Article.objects.published().filter(
        language=language, translation_of__slug__in=english_slugs
    )
    return {
        article.translation_of.slug: article for article in found.select_related("translation_of")
    }


def _section(article, section, language):
    """The section's id where the article has it (a translation may name its headings
    otherwise), or none: the link then goes to the top of the article."""
    if article is None or not section:
        return ""
    if language == ENGLISH:
        return section
    return section if section in {each["id"] for each in article.sections} else ""


def rule_words(snapshot, language=ENGLISH):
    """{rule code: its reason} and {English action: the action shown}, in this language: a
    stored result keeps the English words, and is shown in either language by its rules."""
    rules = snapshot["rules.json"]
    reasons = {rule["code"]: in_language(rule, ("reason",), language)["reason"] for rule in rules}
    actions = {
        rule["action"]: in_language(rule, ("action",), language)["action"]
        for rule in rules
        if rule.get("action")
    }
    return reasons, actions
