"""Each process builds the questionnaire (pages, questions, rules) once per content version,
and any change to the checker's rows makes it build afresh before the next person answers."""

from django.test import Client

from tests.support.answers import with_changes
from tests.support.flows import FIRST_PAGE, complete_questionnaire
from tests.support.pages import parse
from triage.models import Rule


def test_a_question_page_reuses_the_questionnaire_this_process_built(
    client, db, django_assert_max_num_queries
):
    client.get(FIRST_PAGE)

    # The session, nothing of the questionnaire's pages, questions or rules.
    with django_assert_max_num_queries(2):
        assert client.get(FIRST_PAGE).status_code == 200


def test_a_rule_saved_in_the_admin_applies_to_the_next_person_at_once(db):
    answers = with_changes(severity="wakes_me")
    complete_questionnaire(Client(), answers)  # the questionnaire is now built and kept
    rule = Rule.objects.get(code="S9")
    rule.reason = "Cramps that wake you should be checked by a doctor."
    rule.save()

    result = parse(complete_questionnaire(Client(), answers))

    assert "Cramps that wake you should be checked by a doctor." in result.get_text()
