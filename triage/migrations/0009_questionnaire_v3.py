"""Replace the version 2 questionnaire with version 3, read from triage/data/*.json.

Stored results are kept as they are: they hold their own answers, reasons, keys and action,
and their rules version tells the result page they came from older rules. Reversing puts the
version 2 rows of triage/data/version_2/ back.
"""

from django.db import migrations
from django.db.migrations.loader import MigrationLoader

from triage import data_files


def to_version_3(apps, schema_editor):
    data_files.remove_questionnaire(apps, schema_editor)
    data_files.load_questionnaire(apps)


def to_version_2(apps, schema_editor):
    # As in 0005: when several migrations are reversed in one run, Django can hand over
    # historical models whose relations point at stale classes; a freshly built state has none.
    loader = MigrationLoader(schema_editor.connection, replace_migrations=True)
    apps = loader.project_state(("triage", "0009_questionnaire_v3")).apps
    data_files.remove_questionnaire(apps, schema_editor)
    data_files.load_questionnaire(apps, data_files.VERSION_2_DIR)


class Migration(migrations.Migration):
    dependencies = [("triage", "0008_v3_schema")]

    operations = [migrations.RunPython(to_version_3, to_version_2)]
