"""Drafts, sign-offs and the editorial record point at their page the same way: one abstract
model (editorial.models.AboutOnePage), with no change to the database's tables."""

import ast
import io

import pytest
from django.core.management import call_command

from editorial.models import AboutOnePage, Draft, SignOff, WorkflowEvent
from education.models import Article
from tests.support import REPOSITORY

RECORDS = [Draft, SignOff, WorkflowEvent]


def classes_declaring(field_name):
    """The classes in editorial/models.py whose bodies assign field_name."""
    tree = ast.parse((REPOSITORY / "editorial" / "models.py").read_text())
    return [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(
            isinstance(statement, ast.Assign)
            and any(getattr(target, "id", None) == field_name for target in statement.targets)
            for statement in node.body
        )
    ]


@pytest.mark.parametrize("field_name", ["content_type", "object_id", "target"])
def test_the_page_fields_are_declared_once(field_name):
    assert classes_declaring(field_name) == ["AboutOnePage"]
    assert all(issubclass(model, AboutOnePage) for model in RECORDS)


def test_an_event_finds_its_page_and_the_page_its_events(db, editor):
    article = Article.objects.first()
    event = WorkflowEvent.objects.create(
        target=article, user=editor, action=WorkflowEvent.Action.SAVED
    )

    assert WorkflowEvent.objects.for_object(article).get() == event
    assert WorkflowEvent.objects.get(pk=event.pk).target == article


def test_the_tables_are_as_the_migrations_left_them(db):
    out = io.StringIO()
    call_command("makemigrations", "editorial", "--check", "--dry-run", stdout=out)

    assert "No changes detected" in out.getvalue()
