from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = "Articles"

    def ready(self):
        from django.db.models.signals import post_migrate

        from education.search_index import install_after_migrate

        post_migrate.connect(install_after_migrate, sender=self)
