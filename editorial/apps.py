from django.apps import AppConfig, apps
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_initial_revisions(using, plan=None, **kwargs):
    """Rows that have no version yet get their first revision, so history starts there."""
    if any(backwards for _, backwards in plan or []):
        return  # unapplying: some registered models may have no table now
    call_command("createinitialrevisions", using=using, comment="Initial version.", verbosity=0)


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial"

    def ready(self):
        # Sent once per app with models after all migrations ran: after reversion's, every
        # registered model's table exists.
        post_migrate.connect(create_initial_revisions, sender=apps.get_app_config("reversion"))
