"""Editors keep the articles' words right through drafts; clinical reviewers approve them and
own the symptom checker, whose words reach people at once."""

import pytest
from django.contrib.auth.models import Group

from editorial.models import Draft
from tests.support.admin_forms import form_data, submit
from triage.models import AdviceStep, Factor, Level, Rule

# Choices and conditions are edited inside their question and rule.
TRIAGE_LOGIC = ["question", "rule", "safetycase", "page"]


@pytest.mark.parametrize("model", TRIAGE_LOGIC)
def test_editors_cannot_reach_triage_logic(client, editor, model):
    client.force_login(editor)

    assert client.get(f"/admin/triage/{model}/").status_code == 403
    assert client.get(f"/admin/triage/{model}/add/").status_code == 403


def test_editors_cannot_change_a_rule(client, editor):
    client.force_login(editor)
    rule = Rule.objects.get(code="S9")
    reason = rule.reason

    response = client.post(f"/admin/triage/rule/{rule.pk}/change/", {"reason": "changed"})

    assert response.status_code == 403
    rule.refresh_from_db()
    assert rule.reason == reason


def test_editors_draft_changes_to_articles(client, editor, make_article):
    client.force_login(editor)
    article = make_article()

    response = submit(client, f"/admin/education/article/{article.pk}/change/", title="Retitled")

    assert response.status_code == 302
    assert Draft.objects.get().snapshot["object"]["fields"]["title"] == "Retitled"


@pytest.mark.parametrize("role", ["Editors", "Clinical reviewers"])
def test_only_clinical_reviewers_may_approve_drafts(db, role):
    group = Group.objects.get(name=role)

    may_approve = group.permissions.filter(codename="approve_draft").exists()

    assert may_approve == (role == "Clinical reviewers")


@pytest.mark.parametrize("model", ["level", "factor", "advicestep"])
def test_editors_may_read_the_checkers_advice_texts_but_not_change_them(client, editor, model):
    client.force_login(editor)
    row = {"level": Level, "factor": Factor, "advicestep": AdviceStep}[model].objects.first()
    url = f"/admin/triage/{model}/{row.pk}/change/"

    assert client.get(url).status_code == 200
    assert client.post(url, form_data(client.get(url))).status_code == 403


def test_clinical_reviewers_change_rules(client, reviewer):
    client.force_login(reviewer)
    rule = Rule.objects.get(code="S9")

    response = submit(client, f"/admin/triage/rule/{rule.pk}/change/", reason="Reworded.")

    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.reason == "Reworded."


def test_clinical_reviewers_may_change_a_level_rank_field(client, reviewer):
    client.force_login(reviewer)
    level = Level.objects.get(key="soon")

    assert "rank" in form_data(client.get(f"/admin/triage/level/{level.pk}/change/"))
