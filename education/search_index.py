"""The full-text index of articles, kept current by the database itself.

SQLite: an FTS5 table filled by triggers, so bulk inserts and raw updates are indexed too.
Django rebuilds a SQLite table (dropping its triggers) for many schema changes, so
`install` runs after every migrate and puts back whatever is missing.
PostgreSQL: a stored generated tsvector column with a GIN index, which survives ALTER TABLE.
Both weight the title above the summary above the body, as education/search.py ranks them.
"""

TABLE = "education_article_search"
SQLITE_TRIGGERS = {
    f"{TABLE}_insert": f"""AFTER INSERT ON education_article BEGIN
        INSERT INTO {TABLE}(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END""",
    f"{TABLE}_delete": f"""AFTER DELETE ON education_article BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
    END""",
    f"{TABLE}_update": f"""AFTER UPDATE ON education_article BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
        INSERT INTO {TABLE}(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END""",
}
POSTGRESQL_DOCUMENT = """
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', coalesce(summary, '')), 'B')
    || setweight(to_tsvector('english', coalesce(body, '')), 'C')"""


def install(connection):
    """Create whatever part of the index is missing; rebuild the SQLite one if anything was."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            _install_sqlite(cursor)
        elif connection.vendor == "postgresql":
            cursor.execute(
                "ALTER TABLE education_article ADD COLUMN IF NOT EXISTS search_document tsvector "
                f"GENERATED ALWAYS AS ({POSTGRESQL_DOCUMENT}) STORED"
            )
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {TABLE} ON education_article "
                "USING gin (search_document)"
            )


def _install_sqlite(cursor):
    cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
    existing = {name for (name,) in cursor.fetchall()}
    missing = [name for name in [TABLE, *SQLITE_TRIGGERS] if name not in existing]
    if not missing:
        return
    if TABLE in missing:
        cursor.execute(
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5(title, summary, body, "
            "content='education_article', content_rowid='id', tokenize='porter unicode61')"
        )
    for name, body in SQLITE_TRIGGERS.items():
        if name in missing:
            cursor.execute(f"CREATE TRIGGER {name} {body}")
    cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")


def uninstall(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
        elif connection.vendor == "postgresql":
            cursor.execute(f"DROP INDEX IF EXISTS {TABLE}")
            cursor.execute("ALTER TABLE education_article DROP COLUMN IF EXISTS search_document")


MIGRATION = ("education", "0004_article_search_index")


def install_after_migrate(using, **kwargs):
    """Put back what a table rebuild dropped, while the index's migration is applied."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    connection = connections[using]
    if MIGRATION in MigrationRecorder(connection).applied_migrations():
        install(connection)
