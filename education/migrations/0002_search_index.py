"""The full-text index of articles, kept current by the database itself (written by hand:
the models cannot say it). Self-contained: a migration imports nothing from the apps, and
education/search_index.py reads its names and SQL from here.

SQLite: an FTS5 table filled by triggers, so bulk inserts and raw updates are indexed too;
its tokenizer drops accents (remove_diacritics), so "musculo" finds "músculo".
PostgreSQL: stored generated tsvector columns with GIN indexes, which survive ALTER TABLE:
one with the English stemmer and one with the Spanish, which search reads for pages in that
language (every row has both).
Both weight the title above the summary above the body, as education/search.py ranks them.
Reversing removes the index.
"""

from django.db import migrations

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
    setweight(to_tsvector('{config}', coalesce(title, '')), 'A')
    || setweight(to_tsvector('{config}', coalesce(summary, '')), 'B')
    || setweight(to_tsvector('{config}', coalesce(body, '')), 'C')"""
# {language: (text search configuration, column)}
POSTGRESQL_COLUMNS = {
    "en": ("english", "search_document"),
    "es": ("spanish", "search_document_es"),
}


def install_index(connection):
    """Create whatever part of the index is missing; rebuild the SQLite one if anything was."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            _install_sqlite(cursor)
        elif connection.vendor == "postgresql":
            for config, column in POSTGRESQL_COLUMNS.values():
                _install_postgresql(cursor, config, column)


def _install_postgresql(cursor, config, column):
    document = POSTGRESQL_DOCUMENT.format(config=config)
    cursor.execute(
        f"ALTER TABLE education_article ADD COLUMN IF NOT EXISTS {column} tsvector "
        f"GENERATED ALWAYS AS ({document}) STORED"
    )
    index = TABLE if column == "search_document" else f"{TABLE}_{column}"
    cursor.execute(f"CREATE INDEX IF NOT EXISTS {index} ON education_article USING gin ({column})")


def _install_sqlite(cursor):
    cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
    existing = {name for (name,) in cursor.fetchall()}
    missing = [name for name in [TABLE, *SQLITE_TRIGGERS] if name not in existing]
    if not missing:
        return
    if TABLE in missing:
        cursor.execute(
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5(title, summary, body, "
            "content='education_article', content_rowid='id', "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
    for name, body in SQLITE_TRIGGERS.items():
        if name in missing:
            cursor.execute(f"CREATE TRIGGER {name} {body}")
    cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")


def uninstall_index(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
        elif connection.vendor == "postgresql":
            for _config, column in POSTGRESQL_COLUMNS.values():
                # Dropping the column drops its index.
                cursor.execute(f"ALTER TABLE education_article DROP COLUMN IF EXISTS {column}")


def install(apps, schema_editor):
    install_index(schema_editor.connection)


def uninstall(apps, schema_editor):
    uninstall_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("education", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
