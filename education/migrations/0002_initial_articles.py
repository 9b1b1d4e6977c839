"""Version 1 of the site loaded its first articles here, as Python literals.

The articles now ship as Markdown files in education/content/, loaded by
`manage.py load_content` (see education/shipped_content.py), so this migration does nothing
either way; 0005 hands the articles it made on older databases over to the loader.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("education", "0001_initial")]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
