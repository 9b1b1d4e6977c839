from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "triage"
    verbose_name = "Symptom checker"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from cramps_site.page_cache import bump_content_version
        from education.signals import content_loaded
        from triage import models
        from triage.data_files import link_factor_articles

        content_loaded.connect(link_factor_articles, dispatch_uid="link_factor_articles")
        # Each process keeps the questionnaire it built (Questionnaire.current): any change to
        # what it is built from makes every process build it afresh.
        built_from = [models.Page, models.Question, models.Choice, models.Level, models.Factor]
        built_from += [models.Rule, models.Condition, models.AdviceStep]
        for model in built_from:
            post_save.connect(bump_content_version, sender=model)
            post_delete.connect(bump_content_version, sender=model)
