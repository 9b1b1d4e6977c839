"""Review dates and the reviewer come from clinical sign-offs, no longer from free text.

No article gets a sign-off here: the shipped articles were never signed off by a clinician,
so after this migration they say so. Reversing writes the free-text fields back from each
article's latest sign-off; an article without one is marked as not reviewed and due now.
"""

import django.db.models.deletion
from django.db import migrations, models

NOT_REVIEWED = "Not yet reviewed by a clinician"


def restore_free_text(apps, schema_editor):
    Article = apps.get_model("education", "Article")
    for article in Article.objects.select_related("latest_signoff"):
        signoff = article.latest_signoff
        if signoff:
            article.reviewed_by = f"{signoff.reviewer_name}, {signoff.reviewer_role}"
            article.last_reviewed = signoff.signed_at.date()
            article.next_review_due = signoff.next_review_due
        else:
            article.reviewed_by = NOT_REVIEWED
            article.last_reviewed = article.next_review_due = article.created_at.date()
        article.save(update_fields=["reviewed_by", "last_reviewed", "next_review_due"])


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_workflow"),
        ("education", "0008_editors_edit_site_pages"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="latest_signoff",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="editorial.signoff",
            ),
        ),
        # Nullable first, so that reversing can add the columns back before filling them.
        migrations.AlterField(
            model_name="article", name="last_reviewed", field=models.DateField(null=True)
        ),
        migrations.AlterField(
            model_name="article", name="next_review_due", field=models.DateField(null=True)
        ),
        migrations.AlterField(
            model_name="article",
            name="reviewed_by",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.RunPython(migrations.RunPython.noop, restore_free_text),
        migrations.RemoveField(model_name="article", name="last_reviewed"),
        migrations.RemoveField(model_name="article", name="next_review_due"),
        migrations.RemoveField(model_name="article", name="reviewed_by"),
        migrations.AlterField(
            model_name="article",
            name="status",
            field=models.CharField(
                choices=[("draft", "Draft"), ("published", "Published")],
                default="draft",
                help_text="Set by the clinical sign-off: approval publishes.",
                max_length=10,
            ),
        ),
    ]
