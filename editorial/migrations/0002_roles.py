"""The two editorial roles as groups. Editors keep the words right and draft changes; clinical
reviewers also approve drafts (the sign-off) and own the triage logic.

Databases that applied triage's 0003_editorial_roles already have both groups: they are found
by name and their permissions set to these. Reversing removes both groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ["add", "change", "delete", "view"]
EDITORS = {
    ("education", "article"): ALL,
    ("education", "source"): ALL,
    ("education", "feedback"): ["view", "delete"],
    ("triage", "factor"): ["change", "view"],
    ("triage", "level"): ["change", "view"],
}
CLINICAL_REVIEWERS = {
    **EDITORS,
    ("triage", "page"): ["change", "view"],
    ("triage", "question"): ALL,
    ("triage", "choice"): ALL,
    ("triage", "rule"): ALL,
    ("triage", "condition"): ALL,
    ("triage", "safetycase"): ALL,
    ("triage", "factor"): ALL,
    ("triage", "level"): ["change", "view"],
    ("triage", "result"): ["view"],
    ("editorial", "draft"): ["approve"],
}
ROLES = {"Editors": EDITORS, "Clinical reviewers": CLINICAL_REVIEWERS}


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        # Ids, not rows: a historical Permission class may differ from the one Group points at.
        group.permissions.set(
            permission
            for (app_label, model), actions in grants.items()
            for permission in Permission.objects.filter(
                content_type__app_label=app_label,
                codename__in=[f"{action}_{model}" for action in actions],
            ).values_list("pk", flat=True)
        )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("triage", "0003_editorial_roles"),
        ("education", "0003_feedback"),
        ("editorial", "0001_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
