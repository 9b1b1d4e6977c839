"""Editors keep the articles' words right through drafts; clinical reviewers approve them and
own the symptom checker, whose words reach people at once."""

import pytest
from django.contrib.auth.models import Group, Permission, User

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


# A field the rules read, and a field of words, on each row whose words editors may improve.
LOGIC_AND_TEXT = {
    "level": (Level, "rank", "headline"),
    "factor": (Factor, "order", "title"),
    "advicestep": (AdviceStep, "section", "text"),
}


def change_form(client, model):
    row = LOGIC_AND_TEXT[model][0].objects.first()
    return form_data(client.get(f"/admin/triage/{model}/{row.pk}/change/"))


@pytest.mark.parametrize("model", LOGIC_AND_TEXT)
def test_clinical_reviewers_may_change_the_checkers_logic(client, reviewer, model):
    client.force_login(reviewer)
    _, logic, text = LOGIC_AND_TEXT[model]

    fields = change_form(client, model)

    assert logic in fields and text in fields


@pytest.mark.parametrize("model", LOGIC_AND_TEXT)
def test_editors_see_the_checkers_logic_read_only(client, editor, model):
    client.force_login(editor)

    assert LOGIC_AND_TEXT[model][1] not in change_form(client, model)


@pytest.mark.parametrize("model", LOGIC_AND_TEXT)
def test_changing_rules_does_not_by_itself_allow_changing_the_logic(client, db, model):
    """The logic takes its own permission: may change rules and these rows is not enough."""
    user = User.objects.create_user("rule-writer", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="triage",
            codename__in=["change_rule", f"change_{model}", f"view_{model}"],
        )
    )
    client.force_login(user)
    _, logic, text = LOGIC_AND_TEXT[model]

    fields = change_form(client, model)

    assert text in fields and logic not in fields


@pytest.mark.parametrize("role", ["Editors", "Clinical reviewers"])
def test_only_clinical_reviewers_may_edit_the_checkers_logic(db, role):
    group = Group.objects.get(name=role)

    may_edit = group.permissions.filter(codename="edit_triage_logic").exists()

    assert may_edit == (role == "Clinical reviewers")
