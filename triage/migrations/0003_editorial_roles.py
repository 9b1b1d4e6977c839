"""The editorial roles moved to the editorial app (editorial/migrations/0002_roles.py).

This step stays, doing nothing, so that databases which already applied it keep a history
Django recognises; the editorial migration finds the groups it made and brings them up to
date.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("triage", "0002_questionnaire")]

    operations = []
