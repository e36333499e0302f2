from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.signals import post_migrate


class CountriesConfig(AppConfig):
    name = "countries"

    def ready(self):
        from core import freshness
        from countries import teams, text_changes  # noqa: F401  (connect their receivers)
        from countries.models import IndicatorType, Target

        freshness.watch(IndicatorType, Target)  # names on country and progress pages
        # An existing Moderators group gets what a new release gives it (its taxonomy
        # permissions), after every app's permissions exist.
        post_migrate.connect(refresh_moderators, dispatch_uid="countries.refresh_moderators")


def refresh_moderators(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    from django.contrib.auth.models import Group

    from countries.workflow import MODERATORS, moderators_group

    # `migrate <app>` of one app may run before the auth tables exist.
    tables = connections[using].introspection.table_names()
    if "auth_group" not in tables or "auth_permission" not in tables:
        return
    if Group.objects.using(using).filter(name=MODERATORS).exists():
        moderators_group()
