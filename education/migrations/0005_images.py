"""The picture library: images, and which article shows which. Editors and clinical
reviewers may add, change and delete pictures; reversing takes that right away again."""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

ROLES = ["Editors", "Clinical reviewers"]
CODENAMES = ["add_image", "change_image", "delete_image", "view_image"]


def image_permissions(apps):
    # Permissions are normally made after all migrations; the groups need them now.
    app_config = apps.get_app_config("education")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="education", codename__in=CODENAMES
    )


def let_editors_manage_pictures(apps, schema_editor):
    # Ids, not rows: a historical Permission class may differ from the one Group points at.
    permissions = list(image_permissions(apps).values_list("pk", flat=True))
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


def take_pictures_away_from_editors(apps, schema_editor):
    # Ids, not rows: a historical Permission class may differ from the one Group points at.
    permissions = list(image_permissions(apps).values_list("pk", flat=True))
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0004_article_search_index"),
        ("editorial", "0002_roles"),
    ]

    operations = [
        migrations.CreateModel(
            name="Image",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        help_text="To find it in the list. Readers do not see it.", max_length=200
                    ),
                ),
                (
                    "alt_text",
                    models.CharField(
                        blank=True,
                        help_text="What the picture shows, for people who cannot see it, in one sentence.",
                        max_length=300,
                        verbose_name="alt text",
                    ),
                ),
                (
                    "decorative",
                    models.BooleanField(
                        default=False,
                        help_text="Tick only if the picture adds nothing the text does not say. Screen readers then skip it, and the alt text is not used.",
                    ),
                ),
                (
                    "caption",
                    models.CharField(
                        blank=True, help_text="Shown under the picture.", max_length=300
                    ),
                ),
                (
                    "credit",
                    models.CharField(
                        help_text="Who made it, shown under the picture, e.g. “Photo: Ana Ruiz”.",
                        max_length=200,
                    ),
                ),
                (
                    "license",
                    models.CharField(
                        help_text="The terms we may use it under, e.g. “CC BY 4.0” or “Taken by our staff”.",
                        max_length=200,
                    ),
                ),
                ("width", models.PositiveIntegerField(default=0, editable=False)),
                ("height", models.PositiveIntegerField(default=0, editable=False)),
                ("renditions", models.JSONField(default=list, editable=False)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "ordering": ["-created_at"],
            },
        ),
        migrations.AlterField(
            model_name="article",
            name="body",
            field=models.TextField(
                help_text="Markdown. Start each section with '## ' and a heading that asks a question; those headings make the 'On this page' list. To show a picture, put its reference on a line of its own: ![[image:12]] (copy it from the picture's page under Images) or one of our drawings, such as ![[illustration:side-lunge-stretch]]."
            ),
        ),
        migrations.CreateModel(
            name="ImageUse",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="education.article"
                    ),
                ),
                (
                    "image",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, to="education.image"
                    ),
                ),
            ],
        ),
        migrations.AddField(
            model_name="image",
            name="articles",
            field=models.ManyToManyField(
                editable=False,
                related_name="images",
                through="education.ImageUse",
                to="education.article",
            ),
        ),
        migrations.AddConstraint(
            model_name="imageuse",
            constraint=models.UniqueConstraint(
                fields=("article", "image"), name="one_use_per_article"
            ),
        ),
        migrations.RunPython(let_editors_manage_pictures, take_pictures_away_from_editors),
    ]
