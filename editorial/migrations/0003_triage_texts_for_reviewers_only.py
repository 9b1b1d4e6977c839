"""The symptom checker's advice texts (levels, factors, advice steps) reach people the moment
they are saved, with no draft and no sign-off, so only clinical reviewers may change them
(behind the safety gate); editors may read them."""

from django.db import migrations

TEXTS = ["change_level", "change_factor", "change_advicestep"]


def editors(apps):
    return apps.get_model("auth", "Group").objects.filter(name="Editors").first()


def permission_ids(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="triage", codename__in=TEXTS
    ).values_list("pk", flat=True)  # ids: a historical Permission may not match Group's


def read_only(apps, schema_editor):
    group = editors(apps)
    if group:
        group.permissions.remove(*permission_ids(apps))


def may_change(apps, schema_editor):
    group = editors(apps)
    if group:
        group.permissions.add(*permission_ids(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles"),
        ("triage", "0006_advice_step_roles"),
    ]

    operations = [migrations.RunPython(read_only, may_change)]
