from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal.wagtail_localize_slugs import synchronise_slugs

        synchronise_slugs()
