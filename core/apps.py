from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared core every app builds on: languages, locale fallback, listings and
    facets, the shared taxonomy, the base templates and stylesheet. It imports no other
    app of this project (docs/architecture.md)."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import (
            cdn,
            deletion,  # noqa: F401 (connects the pre_delete receiver)
            freshness,
            visibility,
            warm,
        )
        from core.taxonomy import Topic
        from core.wagtail_localize_slugs import synchronise_slugs

        synchronise_slugs()
        freshness.connect()
        visibility.install()  # .public() without a query per listing
        freshness.committed.connect(warm.after_change, dispatch_uid="warm-pages")
        cdn.connect()
        freshness.watch(Topic)
