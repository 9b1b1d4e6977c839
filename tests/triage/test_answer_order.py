""" "No" sits in the same place, first, in every question of every page, whatever order the
data lists the answers in."""

import pytest

from tests.support.answers import NOTHING_OF_NOTE, PAGES
from tests.support.flows import page_url
from tests.support.pages import parse
from triage.models import Question
from triage.views import SESSION_KEY


def answers_before(slug):
    slugs = list(PAGES)
    return {key: NOTHING_OF_NOTE[key] for page in slugs[: slugs.index(slug)] for key in PAGES[page]}


def values_shown(client, slug):
    """Each question's answer values, in the order the page shows them."""
    session = client.session
    session[SESSION_KEY] = answers_before(slug)
    session.save()
    soup = parse(client.get(page_url(slug)))
    return {
        key: [box["value"] for box in soup.select(f"input[name='{key}']")] for key in PAGES[slug]
    }


@pytest.mark.parametrize("slug", PAGES)
def test_no_is_the_first_answer_of_every_question_that_has_one(client, db, slug):
    shown = values_shown(client, slug)

    with_no = {key: values for key, values in shown.items() if "no" in values}
    assert all(values[0] == "no" for values in with_no.values()), with_no


def test_every_yes_or_no_and_every_choice_with_no_is_checked(db):
    """The test above covers every question whose answers include "no", yes or no questions
    and single choices alike."""
    asked = {key for keys in PAGES.values() for key in keys}
    with_no = {question.key for question in Question.objects.filter(choices__value="no").distinct()}
    yes_no = set(Question.objects.filter(kind=Question.Kind.YES_NO).values_list("key", flat=True))

    assert yes_no and yes_no <= with_no <= asked
    assert with_no - yes_no, "no single choice lists No: the data changed"


@pytest.mark.parametrize("slug", PAGES)
def test_the_other_answers_keep_the_order_the_data_gives(client, db, slug):
    shown = values_shown(client, slug)

    for key, values in shown.items():
        stored = list(Question.objects.get(key=key).choices.values_list("value", flat=True))
        assert [v for v in values if v != "no"] == [v for v in stored if v != "no"]
        assert sorted(values) == sorted(stored)
