from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project wiring: settings, URLs, the API router, sitemap, robots.txt and the
    translation-status report. It may import every app; no app imports it."""

    name = "portal"
    verbose_name = "Portal"
