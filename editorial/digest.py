"""Who gets the weekly email, in which language and time zone, and which week it is."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from countries.models import CountryTeam


def team_groups():
    return CountryTeam.objects.filter(group__isnull=False).values("group_id")


def in_a_team(user):
    return user.is_active and user.groups.filter(pk__in=team_groups()).exists()


def recipients():
    """Active members of a country team with an address who have not turned the email
    off (no choice stored means on)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__in=team_groups())
        .exclude(email="")
        .exclude(digest_preference__weekly_digest=False)
        .distinct()
    )


def language_and_zone(user):
    """The user's admin language if the portal has it (else LANGUAGE_CODE), and their
    admin time zone (else TIME_ZONE)."""
    profile = UserProfile.objects.filter(user=user).first()
    language = (profile and profile.preferred_language) or settings.LANGUAGE_CODE
    try:
        language = translation.get_supported_language_variant(language)
    except LookupError:
        language = settings.LANGUAGE_CODE
    return language, (profile and profile.current_time_zone) or settings.TIME_ZONE


def week_start(moment):
    """Monday 00:00 of the week `moment` falls in (TIME_ZONE): one email a week."""
    day = timezone.localtime(moment).date()
    monday = day - datetime.timedelta(days=day.weekday())
    return timezone.make_aware(datetime.datetime.combine(monday, datetime.time()))
