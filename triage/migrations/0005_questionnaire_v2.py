"""Replace the version 1 questionnaire with version 2, read from triage/data/version_2/*.json.

Stored results are kept as they are: they hold their own answers, reasons and keys, and
their rules version tells the result page they came from older rules. Reversing puts the
version 1 rows of 0002_questionnaire back.
"""

from importlib import import_module

from django.db import migrations
from django.db.migrations.loader import MigrationLoader

from triage import data_files

version_1 = import_module("triage.migrations.0002_questionnaire")


def to_version_2(apps, schema_editor):
    data_files.remove_questionnaire(apps, schema_editor)
    data_files.load_questionnaire(apps, data_files.VERSION_2_DIR)


def to_version_1(apps, schema_editor):
    # When several migrations are reversed in one run, Django can hand over historical
    # models whose relations point at stale classes; a freshly built state has none.
    loader = MigrationLoader(schema_editor.connection, replace_migrations=True)
    apps = loader.project_state(("triage", "0005_questionnaire_v2")).apps
    data_files.remove_questionnaire(apps, schema_editor)
    version_1.create_questionnaire(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("triage", "0004_v2_schema"),
        ("education", "0003_feedback"),
    ]

    operations = [migrations.RunPython(to_version_2, to_version_1)]
