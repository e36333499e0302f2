from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared core every app builds on: languages, locale fallback, listings and
    facets, the shared taxonomy, the base templates and stylesheet. It imports no other
    app of this project (docs/architecture.md)."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import deletion  # noqa: F401 (connects the pre_delete receiver)
        from core.wagtail_localize_slugs import synchronise_slugs

        synchronise_slugs()
