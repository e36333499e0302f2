"""`manage.py purge_submission_contacts`: contact details go N days after closing."""

import datetime

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from share.models import Submission


def make(country, status, closed_days_ago=None):
    closed = (
        timezone.now() - datetime.timedelta(days=closed_days_ago)
        if closed_days_ago is not None
        else None
    )
    return Submission.objects.create(
        what_happened="Sample.",
        country=country,
        role="other",
        name="Wanjiru",
        email="wanjiru@example.org",
        language="en",
        status=status,
        closed_at=closed,
    )


def contacts(item):
    item.refresh_from_db()
    return (item.name, item.email)


def test_contacts_are_deleted_after_the_retention_period(share_countries, settings):
    settings.SHARE_CONTACT_RETENTION_DAYS = 90
    kenya = share_countries["kenya"]
    old = make(kenya, "declined", closed_days_ago=91)
    recent = make(kenya, "converted", closed_days_ago=89)
    still_open = make(kenya, "in-review")
    call_command("purge_submission_contacts", stdout=open("/dev/null", "w"))
    assert contacts(old) == ("", "")
    assert contacts(recent) == ("Wanjiru", "wanjiru@example.org")
    assert contacts(still_open) == ("Wanjiru", "wanjiru@example.org")
    assert old.what_happened == "Sample."
    assert (
        ModelLogEntry.objects.for_instance(old).filter(action="share.contacts_purged").count() == 1
    )


def test_the_command_is_idempotent_and_follows_the_setting(share_countries, settings):
    import io

    settings.SHARE_CONTACT_RETENTION_DAYS = 10
    item = make(share_countries["kenya"], "declined", closed_days_ago=11)
    first, second = io.StringIO(), io.StringIO()
    call_command("purge_submission_contacts", stdout=first)
    call_command("purge_submission_contacts", stdout=second)
    assert contacts(item) == ("", "")
    assert "of 1 submission" in first.getvalue()
    assert "of 0 submission" in second.getvalue()
    assert ModelLogEntry.objects.for_instance(item).count() == 1
