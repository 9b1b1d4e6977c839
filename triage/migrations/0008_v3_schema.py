"""Version 3 of the questionnaire: a rule may name where to go (the care card's action),
safety cases may name words the care card must not say or must say, results keep the action
they showed, and answers may be longer."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("triage", "0007_edit_logic_permission"),
    ]

    operations = [
        migrations.AddField(
            model_name="result",
            name="action",
            field=models.TextField(
                blank=True, help_text="The care card's action from a rule, instead of the level's."
            ),
        ),
        migrations.AddField(
            model_name="rule",
            name="action",
            field=models.TextField(
                blank=True,
                help_text="Where to go instead of the level's usual place, for example labor and delivery. When set and the rule decides the level, its first line is the care card's heading and the other lines replace the level's advice. {EMERGENCY_NUMBER} becomes the number.",
            ),
        ),
        migrations.AddField(
            model_name="rule",
            name="action_priority",
            field=models.PositiveSmallIntegerField(
                default=0,
                help_text="When several rules with an action fire, the highest priority wins.",
            ),
        ),
        migrations.AddField(
            model_name="safetycase",
            name="forbidden_card_text",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text='Words the care card must not say, in any case: ["urgent care"].',
            ),
        ),
        migrations.AddField(
            model_name="safetycase",
            name="required_card_text",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text='Words the care card must say, in any case: ["labor and delivery"].',
            ),
        ),
        migrations.AlterField(
            model_name="advicestep",
            name="section",
            field=models.CharField(
                choices=[
                    ("relief", "When a cramp starts"),
                    ("while_you_wait", "While you wait to be seen"),
                    ("prevention", "What may help stop cramps coming back"),
                ],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="choice",
            name="label",
            field=models.CharField(help_text="The answer as the reader sees it.", max_length=300),
        ),
        migrations.AlterField(
            model_name="safetycase",
            name="answers",
            field=models.JSONField(
                help_text='Question keys and answers: {"pain_stays": "no", "triggers": ["none"]}.'
            ),
        ),
    ]
