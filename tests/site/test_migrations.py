"""The migrations are schema only: they import nothing but Django and the standard library,
read no file, and go from an empty database to the current schema and back to nothing.
What a fresh install holds besides its schema comes from `manage.py load_content`."""

import ast
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from education import search_index
from tests.support.imports import imported_modules

OUR_APPS = ["editorial", "education", "triage"]
# Standard modules that reach files or load other code.
FILE_MODULES = {"builtins", "csv", "glob", "importlib", "io", "json", "os", "pathlib", "shutil"}


def migration_files():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    # Sorted: every test worker must collect the same tests in the same order.
    return sorted(
        Path(sys.modules[migration.__module__].__file__)
        for (app, _name), migration in loader.disk_migrations.items()
        if app in OUR_APPS
    )


def allowed(module):
    root = module.split(".")[0]
    return root == "django" or (root in sys.stdlib_module_names and root not in FILE_MODULES)


def calls_open(tree):
    return any(
        isinstance(node, ast.Call) and getattr(node.func, "id", None) == "open"
        for node in ast.walk(tree)
    )


def test_the_history_is_small():
    names = sorted(path.name for path in migration_files())

    assert names == [
        "0001_initial.py",
        "0001_initial.py",
        "0001_initial.py",
        "0002_search_index.py",
    ]


@pytest.mark.parametrize(
    "path", migration_files(), ids=lambda path: f"{path.parent.parent.name}/{path.name}"
)
def test_a_migration_imports_only_django_and_the_standard_library_and_reads_no_file(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))

    assert sorted(module for module in imported_modules(path) if not allowed(module)) == []
    assert not calls_open(tree)


def our_tables():
    return [
        name for name in connection.introspection.table_names() if name.split("_")[0] in OUR_APPS
    ]


def search_index_present():
    """The FTS5 table on SQLite; both generated columns on PostgreSQL."""
    if connection.vendor == "sqlite":
        return search_index.TABLE in our_tables()
    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, "education_article")
    columns = {column.name for column in description}
    return {column for _config, column in search_index.POSTGRESQL_COLUMNS.values()} <= columns


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrating_back_to_zero_and_forward_again():
    call_command("migrate", "editorial", "zero", verbosity=0)

    assert our_tables() == []

    call_command("migrate", verbosity=0)

    assert {"education_article", "triage_checkerrelease", "editorial_loadedrole"} <= set(
        our_tables()
    )
    assert search_index_present()
