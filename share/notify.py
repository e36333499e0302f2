"""Emails: the country team hears of a new submission (never the sharer's contact
details), and a sharer who allowed contact gets a confirmation with the withdrawal link."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from countries.models import CountryTeam
from countries.workflow import MODERATORS


def team_addresses(submission):
    """Active members of the country's group with an email; the Moderators otherwise."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    team = (
        CountryTeam.objects.filter(country_key=submission.country.translation_key)
        .select_related("group")
        .first()
        if submission.country
        else None
    )
    addresses = []
    if team and team.group:
        addresses = list(users.filter(groups=team.group).values_list("email", flat=True))
    if not addresses:
        addresses = list(users.filter(groups__name=MODERATORS).values_list("email", flat=True))
    return sorted(set(addresses))


def _send(template, context, recipients):
    subject = render_to_string(f"share/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"share/email/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def admin_url(submission):
    path = reverse("shared_experiences:detail", args=[submission.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notify_team(submission, event="new"):
    recipients = team_addresses(submission)
    if not recipients:
        return
    # The team works in the admin, in English.
    with translation.override(settings.LANGUAGE_CODE):
        context = {"submission": submission, "url": admin_url(submission), "event": event}
        _send("team", context, recipients)


def confirm_to_sharer(submission, withdraw_url):
    if not (submission.email and submission.consent_contact):
        return
    with translation.override(submission.language):
        context = {"submission": submission, "withdraw_url": withdraw_url}
        _send("sharer", context, [submission.email])
