"""Calendars: an .ics file per event and a subscribable feed of upcoming events, built
with the `icalendar` package (RFC 5545) rather than by hand: it folds long lines,
escapes text and writes the VTIMEZONE each time zone needs from the IANA rules.

Each event keeps one UID for ever (its translation key and language) and a SEQUENCE
raised whenever what a calendar shows changes (EventPage.next_sequence), so a
subscribed calendar replaces its copy when an event is moved, postponed or cancelled
(STATUS:CANCELLED) rather than adding a second one."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vText

from core import i18n
from events.choices import ICAL_STATUS, Format, Status

PRODID = "-//WHO QualityRights portal//Events//EN"
UID_DOMAIN = "events.qualityrights-portal"


def uid(page):
    return f"{page.translation_key}-{page.locale.language_code}@{UID_DOMAIN}"


def location(page):
    if page.format == Format.ONLINE or page.status == Status.MOVED_ONLINE:
        return "Online"
    parts = [page.venue_name, " ".join(page.venue_address.split())]
    text = ", ".join(part for part in parts if part)
    return f"{text} (and online)" if page.format == Format.HYBRID else text


def vevent(page, request):
    url = request.build_absolute_uri(i18n.url_for_visitor(page, request))
    event = Event()
    event.add("uid", uid(page))
    event.add("sequence", page.sequence)
    event.add("dtstamp", page.last_published_at or timezone.now())
    # Aware datetimes in the event's zone: written as DTSTART;TZID=Europe/Zurich:...
    event.add("dtstart", page.start())
    event.add("dtend", page.end())
    event.add("summary", page.title)
    # The joining link is never in a calendar: the page shows it near the event.
    event.add("description", f"{page.summary}\n\n{url}")
    event.add("url", url)
    event.add("location", vText(location(page)))
    event.add("status", ICAL_STATUS.get(page.status, "CONFIRMED"))
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    return event


def calendar(pages, request, name):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    dates = []
    for page in pages:
        cal.add_component(vevent(page, request))
        dates += [page.start_date, page.end_date or page.start_date]
    if dates:
        # One VTIMEZONE per TZID used, from the IANA rules, for the years the events
        # span (the default, 1970 to 2038, lists every change in between).
        cal.add_missing_timezones(
            first_date=datetime.date(min(dates).year, 1, 1),
            last_date=datetime.date(max(dates).year + 1, 1, 1),
        )
    return cal


def response(cal, filename):
    result = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    result["Content-Disposition"] = f'attachment; filename="{filename}"'
    return result


def event_response(page, request):
    return response(calendar([page], request, page.title), f"{page.slug}.ics")
