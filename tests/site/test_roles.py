"""Editors keep the articles' words right through drafts; clinical reviewers approve them and
own the symptom checker, whose words reach people at once."""

import pytest
import reversion
from django.contrib.auth.models import Group, Permission, User
from reversion.models import Version

from editorial.models import Draft
from tests.support.admin_forms import form_data, submit
from tests.support.pages import parse
from triage.models import AdviceStep, Factor, Level, Page, Question, Rule, SafetyCase

# Choices and conditions are edited inside their question and rule.
TRIAGE_LOGIC = ["question", "rule", "safetycase", "page"]


@pytest.mark.parametrize("model", TRIAGE_LOGIC)
def test_editors_cannot_add_checker_rows(client, editor, model):
    client.force_login(editor)

    assert client.get(f"/admin/triage/{model}/add/").status_code == 403


def test_editors_reword_a_rule_in_the_draft_but_cannot_change_its_level(client, editor):
    client.force_login(editor)
    rule = Rule.objects.get(code="S9")
    level = rule.level_id
    url = f"/admin/triage/rule/{rule.pk}/change/"
    data = {
        **form_data(client.get(url)),
        "reason": "Reworded.",
        "level": Level.objects.get(key="emergency").pk,
    }

    response = client.post(url, data)

    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.reason == "Reworded." and rule.level_id == level


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
def test_editors_reword_the_checkers_advice_texts_in_the_draft_not_for_readers(
    client, editor, model
):
    client.force_login(editor)
    row = {"level": Level, "factor": Factor, "advicestep": AdviceStep}[model].objects.first()
    url = f"/admin/triage/{model}/{row.pk}/change/"

    assert client.post(url, form_data(client.get(url))).status_code == 302
    assert client.get(url).status_code == 200


def test_clinical_reviewers_change_rules(client, reviewer):
    client.force_login(reviewer)
    rule = Rule.objects.get(code="S9")

    response = submit(client, f"/admin/triage/rule/{rule.pk}/change/", reason="Reworded.")

    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.reason == "Reworded."


# A field the rules read, and a field of words, on each triage row people change in the admin.
LOGIC_AND_TEXT = {
    "rule": (Rule, "code", "reason"),
    "question": (Question, "key", "text"),
    "level": (Level, "rank", "headline"),
    "factor": (Factor, "order", "title"),
    "advicestep": (AdviceStep, "section", "text"),
    "page": (Page, "number", "title"),
}
TRIAGE_ROWS = [*LOGIC_AND_TEXT, "condition", "choice", "safetycase"]


@pytest.fixture
def rule_writer(db):
    """Staff who may add, change and delete every triage row, but not edit the checker's logic."""
    user = User.objects.create_user("rule-writer", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="triage",
            codename__in=[
                f"{action}_{model}"
                for action in ["add", "change", "delete", "view"]
                for model in TRIAGE_ROWS
            ],
        )
    )
    return user


def change_form(client, model):
    row = LOGIC_AND_TEXT[model][0].objects.first()
    return form_data(client.get(f"/admin/triage/{model}/{row.pk}/change/"))


def saved_version(row):
    with reversion.create_revision():
        row.save()
    return Version.objects.get_for_object(row).first()


def may_delete_row(change_page, inline):
    """Whether the inline's first row has its Delete box (unticked boxes send nothing)."""
    return parse(change_page).select_one(f'input[name="{inline}-0-DELETE"]') is not None


def question_with_choices():
    return Question.objects.filter(choices__isnull=False).distinct().first()


@pytest.mark.parametrize("model", LOGIC_AND_TEXT)
def test_clinical_reviewers_may_change_the_checkers_logic(client, reviewer, model):
    client.force_login(reviewer)
    _, logic, text = LOGIC_AND_TEXT[model]

    fields = change_form(client, model)

    assert logic in fields and text in fields


def test_clinical_reviewers_may_change_conditions_and_answer_values(client, reviewer):
    client.force_login(reviewer)
    rule, question = Rule.objects.get(code="S9"), question_with_choices()

    rule_page = client.get(f"/admin/triage/rule/{rule.pk}/change/")
    question_page = client.get(f"/admin/triage/question/{question.pk}/change/")

    assert "conditions-0-values" in form_data(rule_page)
    assert "choices-0-value" in form_data(question_page)
    assert may_delete_row(rule_page, "conditions") and may_delete_row(question_page, "choices")


@pytest.mark.parametrize("model", ["rule", "level"])
def test_clinical_reviewers_may_restore_the_checkers_history(client, reviewer, model):
    client.force_login(reviewer)
    row = LOGIC_AND_TEXT[model][0].objects.first()

    url = f"/admin/triage/{model}/{row.pk}/history/{saved_version(row).pk}/"

    assert client.get(url).status_code == 200


@pytest.mark.parametrize("model", LOGIC_AND_TEXT)
def test_changing_rules_does_not_by_itself_allow_changing_the_logic(client, rule_writer, model):
    """The logic takes its own permission: may change rules and these rows is not enough."""
    client.force_login(rule_writer)
    _, logic, text = LOGIC_AND_TEXT[model]

    fields = change_form(client, model)

    assert text in fields and logic not in fields


def test_without_the_logic_permission_a_rule_is_reworded_and_its_logic_kept(client, rule_writer):
    client.force_login(rule_writer)
    rule = Rule.objects.get(code="U12")
    level, conditions, action = rule.level, list(rule.conditions.values()), rule.action
    url = f"/admin/triage/rule/{rule.pk}/change/"
    page = client.get(url)
    fields = form_data(page)
    tampered = {
        "code": "U99",
        "level": str(Level.objects.get(key="emergency").pk),
        "action": "Go to urgent care.",
        "conditions-0-values": "tampered",
        "conditions-0-DELETE": "on",
    }

    response = client.post(url, {**fields, **tampered, "reason": "Reworded."})

    assert not {f"conditions-0-{name}" for name in ["question", "operator", "values"]} & set(fields)
    assert not may_delete_row(page, "conditions")
    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.reason, rule.code, rule.level) == ("Reworded.", "U12", level)
    assert rule.action == action and "action" not in fields
    assert list(rule.conditions.values()) == conditions


def test_without_the_logic_permission_a_question_is_reworded_and_its_logic_kept(
    client, rule_writer
):
    client.force_login(rule_writer)
    question = question_with_choices()
    choice = question.choices.first()
    key, value = question.key, choice.value
    url = f"/admin/triage/question/{question.pk}/change/"
    page = client.get(url)
    fields = form_data(page)
    tampered = {"key": "renamed", "choices-0-value": "tampered", "choices-0-DELETE": "on"}
    reworded = {"text": "Reworded?", "choices-0-label": "Reworded answer"}

    response = client.post(url, {**fields, **tampered, **reworded})

    assert "choices-0-value" not in fields and not may_delete_row(page, "choices")
    assert response.status_code == 302
    question.refresh_from_db()
    choice.refresh_from_db()
    assert (question.text, question.key) == ("Reworded?", key)
    assert (choice.label, choice.value) == ("Reworded answer", value)


@pytest.mark.parametrize("model", ["rule", "question", "page"])
def test_without_the_logic_permission_rules_questions_and_pages_are_not_added_or_deleted(
    client, rule_writer, model
):
    client.force_login(rule_writer)
    row = LOGIC_AND_TEXT[model][0].objects.first()

    add = client.get(f"/admin/triage/{model}/add/")
    delete = client.post(f"/admin/triage/{model}/{row.pk}/delete/", {"post": "yes"})

    assert (add.status_code, delete.status_code) == (403, 403)
    assert LOGIC_AND_TEXT[model][0].objects.filter(pk=row.pk).exists()


@pytest.mark.parametrize("model", LOGIC_AND_TEXT)
def test_without_the_logic_permission_history_is_not_restored(client, rule_writer, model):
    """Restoring a version restores every field, the logic included."""
    client.force_login(rule_writer)
    row = LOGIC_AND_TEXT[model][0].objects.first()
    version = saved_version(row)

    revert = f"/admin/triage/{model}/{row.pk}/history/{version.pk}/"
    recover = f"/admin/triage/{model}/recover/{version.pk}/"

    assert client.get(revert).status_code == 403
    assert client.post(revert, {}).status_code == 403
    assert client.get(recover).status_code == 403


@pytest.mark.parametrize("role", ["Editors", "Clinical reviewers"])
def test_only_clinical_reviewers_may_edit_the_checkers_logic(db, role):
    group = Group.objects.get(name=role)

    may_edit = group.permissions.filter(codename="edit_triage_logic").exists()

    assert may_edit == (role == "Clinical reviewers")


def test_without_the_logic_permission_a_page_is_retitled_and_keeps_its_number_and_address(
    client, rule_writer
):
    client.force_login(rule_writer)
    page = Page.objects.get(number=1)
    slug = page.slug
    url = f"/admin/triage/page/{page.pk}/change/"
    fields = form_data(client.get(url))

    response = client.post(url, {**fields, "number": "99", "slug": "moved", "title": "Renamed"})

    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.number, page.slug, page.title) == (1, slug, "Renamed")
    assert "number" not in fields and "slug" not in fields


def test_without_the_logic_permission_a_safety_case_is_read_never_changed(client, rule_writer):
    client.force_login(rule_writer)
    case = SafetyCase.objects.order_by("pk").first()
    before = SafetyCase.objects.filter(pk=case.pk).values().get()
    url = f"/admin/triage/safetycase/{case.pk}/change/"

    shown = client.get(url)
    changed = client.post(url, {**form_data(shown), "name": "Renamed", "answers": "{}"})

    assert shown.status_code == 200 and "name" not in form_data(shown)
    assert changed.status_code == 403
    assert SafetyCase.objects.filter(pk=case.pk).values().get() == before


def test_without_the_logic_permission_safety_cases_are_not_added_deleted_or_restored(
    client, rule_writer
):
    client.force_login(rule_writer)
    case = SafetyCase.objects.order_by("pk").first()
    version = saved_version(case)
    count = SafetyCase.objects.count()

    responses = [
        client.get("/admin/triage/safetycase/add/"),
        client.post(f"/admin/triage/safetycase/{case.pk}/delete/", {"post": "yes"}),
        client.post(f"/admin/triage/safetycase/{case.pk}/history/{version.pk}/", {}),
        client.get(f"/admin/triage/safetycase/recover/{version.pk}/"),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403, 403]
    assert SafetyCase.objects.count() == count
