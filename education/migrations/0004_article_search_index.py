from django.db import migrations

from education import search_index


def install(apps, schema_editor):
    search_index.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    search_index.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("education", "0003_feedback")]

    operations = [migrations.RunPython(install, uninstall)]
