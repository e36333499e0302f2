"""Builders for the events tests: real event pages in the real tree, published."""

import datetime

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from core.taxonomy import Topic
from events.models import CaptionLanguage, EventIndexPage, EventPage, Interpretation, SpokenLanguage


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def events_index(home):
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = EventIndexPage(title="Events", slug="events", show_in_menus=True)
        home.add_child(instance=index)
        publish(index)
    return index


def in_days(days, hour=15):
    """A date `days` from today and a wall-clock hour, for upcoming or past events."""
    return timezone.localdate() + datetime.timedelta(days=days), datetime.time(hour)


def make_event(
    parent,
    title,
    *,
    start=None,
    end_time=None,
    end_date=None,
    time_zone="Europe/Zurich",
    spoken=("en",),
    interpretation=(),
    captions=(),
    topics=(),
    **fields,
):
    """An event (online, scheduled, with a registration address, unless told), starting
    at `start` (date, time): by default ten days from now at 15.00, for 90 minutes."""
    start_date, start_time = start or in_days(10)
    fields.setdefault("format", "online")
    fields.setdefault("registration_url", "https://example.org/register")
    fields.setdefault("organisers", "WHO QualityRights")
    page = EventPage(
        title=title,
        slug=fields.pop("slug", slugify(title)),
        summary=fields.pop("summary", f"Summary of {title}."),
        start_date=start_date,
        start_time=start_time,
        end_date=end_date,
        end_time=end_time or _later(start_date, start_time, minutes=90),
        time_zone=time_zone,
        **fields,
    )
    page.spoken_languages = [SpokenLanguage(language=code) for code in spoken]
    page.interpretation_languages = [Interpretation(language=code) for code in interpretation]
    page.caption_languages = [CaptionLanguage(language=code) for code in captions]
    english = Locale.objects.get(language_code="en")
    page.topics = list(Topic.objects.filter(locale=english, slug__in=topics))
    parent.add_child(instance=page)
    return publish(page)


def make_launch(index, **fields):
    """The "Global launch": 12 April 2022, 15.00 to 16.30 Geneva time, in summer time
    (UTC+02:00), the times both the page and the calendar tests check against."""
    return make_event(
        index,
        "Global launch",
        start=(datetime.date(2022, 4, 12), datetime.time(15)),
        end_time=datetime.time(16, 30),
        **fields,
    )


def _later(date, time, minutes):
    return (datetime.datetime.combine(date, time) + datetime.timedelta(minutes=minutes)).time()
