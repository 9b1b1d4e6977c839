"""The full-text index of articles, kept current by the database itself.

The index is schema, so a migration makes it (education/migrations/0002_search_index.py,
which says how it works on SQLite and on PostgreSQL). Its names and SQL live there, and
this module lends them to search and to the repair below, reading the migration only when
first asked: the migrations can then be regenerated without this module in the way.
Django rebuilds a SQLite table (dropping its triggers) for many schema changes, so
`install_after_migrate` runs after every migrate and puts back whatever is missing.
"""

from importlib import import_module

MIGRATION = ("education", "0002_search_index")
NAMES = {"TABLE", "SQLITE_TRIGGERS", "POSTGRESQL_COLUMNS"}


def _migration():
    return import_module(f"{MIGRATION[0]}.migrations.{MIGRATION[1]}")


def __getattr__(name):
    if name in NAMES:
        return getattr(_migration(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def install(connection):
    """Create whatever part of the index is missing."""
    _migration().install_index(connection)


def uninstall(connection):
    _migration().uninstall_index(connection)


def install_after_migrate(using, **kwargs):
    """Put back what a table rebuild dropped, while the index's migration is applied."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    connection = connections[using]
    if MIGRATION in MigrationRecorder(connection).applied_migrations():
        install(connection)
