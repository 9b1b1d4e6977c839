from django.apps import AppConfig


class CrampsSiteConfig(AppConfig):
    """The project package as an app only so that its system checks are registered."""

    name = "cramps_site"
    verbose_name = "Site"

    def ready(self):
        from cramps_site import checks  # noqa: F401  (registers the deploy checks)
