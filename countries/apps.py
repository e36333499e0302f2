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
        # Existing Moderators and country team groups get what a new release gives them
        # (taxonomy permissions, translation), after every app's permissions exist.
        post_migrate.connect(refresh_moderators, dispatch_uid="countries.refresh_moderators")
        post_migrate.connect(refresh_teams, dispatch_uid="countries.refresh_teams")


AUTH_TABLES = {"auth_group", "auth_permission"}


def _missing(tables, using):
    # `migrate <app>` of one app may run before the tables exist.
    return not set(tables) <= set(connections[using].introspection.table_names())


def refresh_moderators(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    from django.contrib.auth.models import Group

    from countries.workflow import MODERATORS, moderators_group

    if _missing(AUTH_TABLES, using):
        return
    if Group.objects.using(using).filter(name=MODERATORS).exists():
        moderators_group()


def refresh_teams(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    from django.contrib.auth.models import Group

    from countries.models import CountryTeam
    from countries.teams import grant_group_permissions

    if _missing({*AUTH_TABLES, CountryTeam._meta.db_table}, using):
        return
    teams = CountryTeam.objects.using(using).exclude(group=None).values("group_id")
    for group in Group.objects.using(using).filter(pk__in=teams):
        grant_group_permissions(group)
