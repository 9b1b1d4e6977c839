"""Changing what the checker's rules read is its own permission, given to clinical reviewers,
rather than something inferred from who may change a rule. Reversing takes it away again."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSION = "edit_triage_logic"
GROUP = "Clinical reviewers"


def permission_ids(apps):
    """Ids, not rows: a historical Permission class may differ from the one Group points at."""
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="triage", codename=PERMISSION
    ).values_list("pk", flat=True)


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; the group needs this one now.
    app_config = apps.get_app_config("triage")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    for group in apps.get_model("auth", "Group").objects.filter(name=GROUP):
        group.permissions.add(*permission_ids(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name=GROUP):
        group.permissions.remove(*permission_ids(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("triage", "0006_advice_step_roles"),
        ("editorial", "0003_triage_texts_for_reviewers_only"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="rule",
            options={
                "ordering": ["-level__rank", "order", "code"],
                "permissions": [
                    (
                        "edit_triage_logic",
                        "Can change the checker's logic: rules, levels, factors and advice steps",
                    )
                ],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
