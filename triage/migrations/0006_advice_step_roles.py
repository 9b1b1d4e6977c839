"""Advice steps join the editorial roles: editors may reword them, clinical reviewers own
them (which factors and levels show them). Reversing takes the permissions away again."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Editors": ["change_advicestep", "view_advicestep"],
    "Clinical reviewers": ["change_advicestep", "view_advicestep"],
}


def permissions(apps, codenames):
    """Ids, not rows: a historical Permission class may differ from the one Group points at."""
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="triage", codename__in=codenames
    ).values_list("pk", flat=True)


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    app_config = apps.get_app_config("triage")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.add(*permissions(apps, GRANTS[group.name]))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*permissions(apps, GRANTS[group.name]))


class Migration(migrations.Migration):
    dependencies = [("triage", "0005_questionnaire_v2"), ("editorial", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
