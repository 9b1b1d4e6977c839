"""Each process builds the questionnaire (pages, questions, rules) once per content version,
and any change to the checker's rows makes it build afresh before the next person answers."""

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from education.models import Article
from tests.support.answers import NOTHING_OF_NOTE, PAGE_1_ALL_NO, PAGES, with_changes
from tests.support.flows import FIRST_PAGE, answer_pages, complete_questionnaire, page_url
from tests.support.pages import parse
from tests.support.releases import publish_draft
from triage.models import Question, Rule
from triage.questionnaire import Questionnaire
from triage.views import SESSION_KEY


def test_a_question_page_reuses_the_questionnaire_this_process_built(
    client, db, django_assert_num_queries
):
    client.get(FIRST_PAGE)

    # The session and the published release's number, nothing of the questionnaire's pages,
    # questions or rules.
    with django_assert_num_queries(2):
        assert client.get(FIRST_PAGE).status_code == 200
    with django_assert_num_queries(2):
        assert client.get(FIRST_PAGE + "?change").status_code == 200


def test_a_page_part_way_through_asks_only_for_the_session(client, db, django_assert_num_queries):
    client.post(FIRST_PAGE, PAGE_1_ALL_NO)  # the journey's release is now in the session
    client.get(page_url("about-you"))

    with django_assert_num_queries(1):
        assert client.get(page_url("about-you")).status_code == 200


def test_a_release_is_built_once_per_process_whatever_else_changes(client, db, committed):
    client.get(FIRST_PAGE)
    kept = Questionnaire.published()
    article = Article.objects.first()
    article.title = "Changed"
    with committed():
        article.save()  # content, but not the checker's release

    assert Questionnaire.published() is kept


def test_a_rule_saved_in_the_admin_applies_to_the_next_person_once_published(db):
    answers = with_changes(wakes_at_night="yes")
    complete_questionnaire(Client(), answers)  # the questionnaire is now built and kept
    rule = Rule.objects.get(code="S9")
    rule.reason = "Cramps that wake you should be checked by a doctor."
    rule.save()

    before = parse(complete_questionnaire(Client(), answers))
    publish_draft()
    after = parse(complete_questionnaire(Client(), answers))

    assert "Cramps that wake you should be checked by a doctor." not in before.get_text()
    assert "Cramps that wake you should be checked by a doctor." in after.get_text()


FORM_TEMPLATE = "triage/includes/questions.html"
TABLE = re.compile(r'(?:FROM|UPDATE|INTO) "(\w+)"')


def drawn_templates(response):
    return [template.name for template in response.templates]


def test_a_page_nobody_has_answered_is_drawn_once_for_everyone(db):
    first = Client().get(FIRST_PAGE)
    second = Client().get(FIRST_PAGE)

    assert FORM_TEMPLATE in drawn_templates(first)
    assert FORM_TEMPLATE not in drawn_templates(second)
    assert second.content == first.content.replace(
        first.context["csrf_token"].encode(), second.context["csrf_token"].encode()
    )


def test_answers_and_errors_are_drawn_for_the_person_asking(db):
    Client().get(FIRST_PAGE)  # the unanswered page is now drawn and kept
    person = Client()
    person.post(FIRST_PAGE, PAGE_1_ALL_NO)

    going_back = person.get(FIRST_PAGE)
    refused = Client().post(FIRST_PAGE, {})

    assert FORM_TEMPLATE in drawn_templates(going_back)
    assert all(box.has_attr("checked") for box in parse(going_back).select('input[value="no"]'))
    assert refused.status_code == 400 and parse(refused).select(".field-error")


def test_a_question_saved_in_the_admin_is_asked_in_its_new_words_once_published(db):
    Client().get(FIRST_PAGE)
    question = Question.objects.get(key=PAGES["serious-symptoms"][0])
    question.text = "Is your leg suddenly cold, pale or blue?"
    question.save()

    assert "Is your leg suddenly cold" not in Client().get(FIRST_PAGE).content.decode()
    publish_draft()
    assert "Is your leg suddenly cold, pale or blue?" in Client().get(FIRST_PAGE).content.decode()


def statements(captured):
    """What a request did to which table (say "SELECT django_session"), without the
    savepoints the test's transaction wraps writes in."""
    done = []
    for query in captured.captured_queries:
        sql = query["sql"]
        if not sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT")):
            done.append(f"{sql.split()[0]} {TABLE.search(sql).group(1)}")
    return done


def test_each_page_reads_the_session_once_and_writes_it_once_with_the_answers(client, db):
    client.get(FIRST_PAGE)
    for slug, keys in PAGES.items():
        with CaptureQueriesContext(connection) as shown:
            client.get(page_url(slug))
        with CaptureQueriesContext(connection) as answered:
            client.post(page_url(slug), {key: NOTHING_OF_NOTE[key] for key in keys})

        # Before the first answer the journey has no release yet: the published one's number.
        release = ["SELECT triage_checkerrelease"] if page_url(slug) == FIRST_PAGE else []
        assert statements(shown) == ["SELECT django_session", *release], slug
        assert statements(answered) == [
            "SELECT django_session",
            *release,
            "UPDATE django_session",
        ], slug


def test_continuing_with_the_same_answers_writes_nothing(client, db):
    client.post(FIRST_PAGE, PAGE_1_ALL_NO)
    with CaptureQueriesContext(connection) as again:
        response = client.post(FIRST_PAGE, PAGE_1_ALL_NO)

    assert response["Location"] == page_url("about-you")
    assert statements(again) == ["SELECT django_session"]


def test_a_changed_answer_is_kept(client, db):
    answer_pages(client, NOTHING_OF_NOTE)
    answers = {key: NOTHING_OF_NOTE[key] for key in PAGES["about-your-cramps"]}
    client.post(page_url("about-your-cramps"), {**answers, "pain_stays": "yes"})

    assert client.session[SESSION_KEY]["pain_stays"] == "yes"
