"""The checker's rows as they stand become release 1, the one readers are served; from now on
the rows are the open draft (docs/clinical-safety.md, "Releases"). Since no change reaches
readers without a second clinical reviewer's approval, editors may again reword the checker
(its logic stays with the permission to edit it). Reversing removes the releases (results
lose theirs) and takes the editors' permissions away again."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from triage import data_files

WORDS = ["page", "question", "choice", "rule", "level", "factor", "advicestep"]
EDITOR_PERMISSIONS = [f"{action}_{model}" for model in WORDS for action in ("change", "view")]


def first_release(apps, schema_editor):
    data_files.create_first_release(apps)


def remove_releases(apps, schema_editor):
    apps.get_model("triage", "Result").objects.update(release=None)
    apps.get_model("triage", "CheckerRelease").objects.all().delete()


def _editor_permission_ids(apps):
    app_config = apps.get_app_config("triage")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="triage", codename__in=EDITOR_PERMISSIONS
    ).values_list("pk", flat=True)


def editors_may_reword(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if group:
        group.permissions.add(*_editor_permission_ids(apps))


def editors_read_only(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if group:
        group.permissions.remove(*_editor_permission_ids(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("triage", "0010_checker_releases"),
        ("editorial", "0003_triage_texts_for_reviewers_only"),
    ]

    operations = [
        migrations.RunPython(first_release, remove_releases),
        migrations.RunPython(editors_may_reword, editors_read_only),
    ]
