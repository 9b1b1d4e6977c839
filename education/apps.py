from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = "Articles"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

        from cramps_site.page_cache import bump_content_version
        from education.models import Article, Image, SitePage, Source
        from education.pictures import delete_files_of
        from education.search_index import install_after_migrate

        for model in (Article, Source, SitePage):
            post_save.connect(bump_content_version, sender=model)
            post_delete.connect(bump_content_version, sender=model)
        m2m_changed.connect(bump_content_version, sender=Article.related.through)
        post_delete.connect(delete_files_of, sender=Image)
        post_migrate.connect(install_after_migrate, sender=self)
