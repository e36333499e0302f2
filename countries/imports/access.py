"""Who may import indicator values: Moderators and superusers for every country, a
country team's members for their team's countries, nobody else."""

from dataclasses import dataclass

from django.db.models import Q

from countries.models import CountryTeam
from countries.workflow import MODERATORS


@dataclass(frozen=True)
class Access:
    user_id: int | None
    moderator: bool
    team_keys: frozenset  # translation keys of the user's teams' countries

    def allows(self, page):
        return self.moderator or page.translation_key in self.team_keys

    @property
    def anything(self):
        return self.moderator or bool(self.team_keys)


NOBODY = Access(None, False, frozenset())


def access_for(user):
    if not (user.is_authenticated and user.is_active):
        return NOBODY
    if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
        return Access(user.pk, True, frozenset())
    keys = CountryTeam.objects.filter(group__in=user.groups.all()).values_list(
        "country_key", flat=True
    )
    return Access(user.pk, False, frozenset(keys))


def may_import(user):
    """access_for(user).anything in one query, for the admin menu on every page."""
    if not (user.is_authenticated and user.is_active):
        return False
    teams = CountryTeam.objects.values("group_id")
    return user.is_superuser or user.groups.filter(Q(name=MODERATORS) | Q(pk__in=teams)).exists()
