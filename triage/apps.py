from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "triage"
    verbose_name = "Symptom checker"

    def ready(self):
        from education.signals import content_loaded
        from triage.data_files import link_factor_articles
        from triage.shipped_spanish import add_shipped_spanish

        content_loaded.connect(link_factor_articles, dispatch_uid="link_factor_articles")
        content_loaded.connect(add_shipped_spanish, dispatch_uid="add_shipped_spanish")
