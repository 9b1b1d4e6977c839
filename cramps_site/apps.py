from django.apps import AppConfig


class CrampsSiteConfig(AppConfig):
    """The project package as an app: its system checks, and the one place where changes to
    the content are wired to the content generation (common/content_generation.py)."""

    name = "cramps_site"
    verbose_name = "Site"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from common.content_generation import content_changed
        from cramps_site import checks  # noqa: F401  (registers the deploy checks)
        from education.signals import content_loaded

        # Every save and delete of content, and each load of the shipped content (a release
        # may change templates and care signs too), outdates whatever was kept from it.
        for signal in (post_save, post_delete, m2m_changed, content_loaded):
            signal.connect(content_changed, dispatch_uid="content_generation")
