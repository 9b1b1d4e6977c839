"""The search index in both languages: a Spanish-stemmed PostgreSQL column, and SQLite's
tokenizer told to drop accents (education/search_index.py). Rebuilt from scratch both ways."""

from django.db import migrations

from education import search_index


def rebuild(apps, schema_editor):
    search_index.uninstall(schema_editor.connection)
    search_index.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("education", "0013_page_languages")]

    operations = [migrations.RunPython(rebuild, rebuild)]
