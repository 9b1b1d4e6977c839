"""Editors and clinical reviewers may change the site pages (they are never added or
deleted: each has its own address). Reversing takes the permissions back."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ["Editors", "Clinical reviewers"]
CODENAMES = ["change_sitepage", "view_sitepage"]


def site_page_permissions(apps):
    # Permissions are normally made after all migrations; the groups need them now.
    app_config = apps.get_app_config("education")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="education", codename__in=CODENAMES)


def grant(apps, schema_editor):
    # Ids, not rows: a historical Permission class may differ from the one Group points at.
    permissions = list(site_page_permissions(apps).values_list("pk", flat=True))
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


def take_back(apps, schema_editor):
    # Ids, not rows: a historical Permission class may differ from the one Group points at.
    permissions = list(site_page_permissions(apps).values_list("pk", flat=True))
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0007_hand_version_one_articles_to_the_loader"),
        ("editorial", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, take_back)]
