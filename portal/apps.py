from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project wiring: settings, URLs, the API router, sitemap, robots.txt and the
    translation-status report. It may import every app; no app imports it."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal import worker

        # Failed tasks are logged, and retried with the database backend.
        worker.connect()
