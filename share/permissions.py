"""Who sees which submissions: a country's editors see their country's only; Moderators
and superusers see every country's."""

from countries.models import CountryTeam
from countries.workflow import MODERATORS
from share.models import Submission


def is_moderator(user):
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()


def visible_submissions(user):
    if not user.is_active:
        return Submission.objects.none()
    if is_moderator(user):
        return Submission.objects.all()
    keys = CountryTeam.objects.filter(group__in=user.groups.all()).values("country_key")
    return Submission.objects.filter(country__translation_key__in=keys)


def can_see_queue(user):
    in_a_team = CountryTeam.objects.filter(group__in=user.groups.all()).exists()
    return user.is_active and (is_moderator(user) or in_a_team)
