"""The two editorial roles as groups. Editors keep the words right; clinical reviewers also
own the triage logic. Reversing removes both groups."""

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
        group = Group.objects.create(name=name)
        for (app_label, model), actions in grants.items():
            codenames = [f"{action}_{model}" for action in actions]
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                ).values_list("pk", flat=True)  # a historical Permission may not match Group's
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("triage", "0002_questionnaire"),
        ("education", "0003_feedback"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
