from django.apps import AppConfig


class FeedsConfig(AppConfig):
    """Atom feeds of stories and resources, per language."""

    name = "feeds"
    verbose_name = "Feeds"
