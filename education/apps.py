from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = "Articles"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate

        from education.models import Image
        from education.pictures import delete_files_of
        from education.search_index import install_after_migrate

        post_delete.connect(delete_files_of, sender=Image)
        post_migrate.connect(install_after_migrate, sender=self)
