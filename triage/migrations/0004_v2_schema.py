"""Version 2 of the questionnaire: advice steps as rows, factors with an urgent text, the
order they show in and which factor hides another, answer checks on questions, safety cases
with exact factors and forbidden advice, and results that keep the advice keys they showed."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("triage", "0003_editorial_roles")]

    operations = [
        migrations.CreateModel(
            name="AdviceStep",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.SlugField(max_length=30, unique=True)),
                (
                    "section",
                    models.CharField(
                        choices=[
                            ("relief", "When a cramp starts"),
                            ("while_you_wait", "While you wait to be seen"),
                            ("prevention", "How to stop cramps coming back"),
                        ],
                        max_length=20,
                    ),
                ),
                ("text", models.TextField(help_text="The step as the reader sees it.")),
                (
                    "levels",
                    models.JSONField(
                        help_text='The levels whose results show it: ["soon", "self_care"].'
                    ),
                ),
                (
                    "not_with",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text='Not shown with any of these factors: ["strain"].',
                    ),
                ),
                (
                    "only_with",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text='If set, shown only with one of these factors: ["fluid_restriction"].',
                    ),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="Order on the result page."
                    ),
                ),
            ],
            options={"ordering": ["order", "key"]},
        ),
        migrations.AddField(
            model_name="factor",
            name="urgent_text",
            field=models.TextField(
                default="",
                help_text="On “get help today” results: only what to tell the doctor or what not "
                "to do, never self-help. One idea a line.",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="factor",
            name="hidden_by",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text='Not shown when any of these factors is shown: ["fluid_restriction"].',
            ),
        ),
        migrations.AddField(
            model_name="factor",
            name="order",
            field=models.PositiveSmallIntegerField(
                default=0, help_text="Order on the result page."
            ),
        ),
        migrations.AlterModelOptions(name="factor", options={"ordering": ["order", "key"]}),
        migrations.AddField(
            model_name="question",
            name="checks",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text='Answers allowed only with other answers: [{"when": {"duration": ["today"]}, "allowed": ["once"], "message": "If your cramps started today, choose Just once"}].',
            ),
        ),
        migrations.AddField(
            model_name="safetycase",
            name="forbidden_advice",
            field=models.JSONField(
                blank=True, default=list, help_text='Advice steps that must not be shown: ["heat"].'
            ),
        ),
        migrations.AddField(
            model_name="result",
            name="advice",
            field=models.JSONField(default=list, help_text="Keys of the advice steps shown."),
        ),
        migrations.AlterField(
            model_name="factor",
            name="advice",
            field=models.TextField(
                help_text="Advice on “see a doctor soon” and self-care results. One idea a line."
            ),
        ),
        migrations.AlterField(
            model_name="result",
            name="factors",
            field=models.JSONField(help_text="Keys of the factor blocks shown."),
        ),
        migrations.AlterField(
            model_name="result",
            name="fired_rules",
            field=models.JSONField(help_text="Code, level and reason of each rule shown."),
        ),
        migrations.AlterField(
            model_name="safetycase",
            name="expected_factors",
            field=models.JSONField(
                blank=True,
                help_text='The factors the result shows, exactly: ["overuse"], or [] for none. Leave it empty not to check them.',
                null=True,
            ),
        ),
    ]
