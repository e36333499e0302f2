"""What the event page shows beyond its fields, with a constant number of queries. The
page model calls this module through `from events import context`, so either may be
imported first."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale, Page

from core import i18n
from core.languages import bcp47
from events import timezones
from events.choices import (
    ACCESS_FEATURES,
    SCHEMA_ATTENDANCE,
    SCHEMA_STATUS,
    SIGN_LANGUAGE_CODES,
    VENUE_FORMATS,
    Format,
    Status,
    language_label,
)
from events.freshness import changes_with_time

JOINING_SHOWN_BEFORE = datetime.timedelta(days=1)
PROMINENT = {Status.POSTPONED, Status.RESCHEDULED, Status.MOVED_ONLINE, Status.CANCELLED}


def country_of_parent(page):
    """The English country page an event on a country page is held in, or None."""
    parent = page.get_parent()
    if parent is None or parent.specific_class.__name__ != "CountryPage":
        return None
    english = parent.get_translation_or_none(Locale.get_default())
    return (english or parent).pk


def when(page):
    """The times in the event's zone and in UTC, for the page and the listing cards."""
    start, end = page.start(), page.end()
    if start is None:
        return None
    return {
        "start": timezones.describe(start),
        "end": timezones.describe(end),
        "same_day": start.date() == end.date(),
        "utc_start": timezones.describe(start.astimezone(datetime.UTC)),
        "utc_end": timezones.describe(end.astimezone(datetime.UTC)),
        "zone": page.time_zone,
    }


def languages(codes):
    """Names for display; `lang` is set where the name is an endonym (a sign language's
    name is in the visitor's language)."""
    return [
        {
            "code": code,
            "name": language_label(code),
            "lang": "" if code in SIGN_LANGUAGE_CODES else bcp47(code),
        }
        for code in codes
    ]


def event_context(page, request):
    changes_with_time(request)
    # A preview shows the times being edited, not the saved ones.
    try:
        page.compute_times()
    except (ValueError, KeyError, TypeError, AttributeError, ValidationError):
        pass
    public = Page.objects.live().public()
    recording = None
    if page.recording_id and public.filter(pk=page.recording_id).exists():
        recording = page.recording
        recording.visitor_url = i18n.localized_url(recording, request)
    country = page.country if page.country_id else None
    base = i18n.url_for_visitor(page, request) if page.pk else ""
    return {
        "when": when(page),
        "is_past": page.is_past(),
        "status_prominent": page.status in PROMINENT,
        "joining_shown": page.joining_shown(),
        "has_venue": page.format in VENUE_FORMATS and page.status != Status.MOVED_ONLINE,
        "country": country,
        "country_title": country_title(country, public) if country else "",
        "country_url": i18n.localized_url(country, request) if country else "",
        "spoken": languages(page.language_codes()),
        "interpretation": languages(page.interpretation_codes()),
        "captions": languages(page.caption_codes()),
        "access_features": [
            label for _slug, field, label in ACCESS_FEATURES if getattr(page, field)
        ],
        "speakers": [s for s in page.speakers.select_related("photo").order_by("sort_order", "pk")],
        "recording": recording,
        "ics_url": f"{base}calendar.ics" if base else "",
        "registration_open": page.registration_url
        and not page.registration_full
        and not page.is_past()
        and page.status != Status.CANCELLED
        and not (page.registration_deadline and page.registration_deadline < timezone.localdate()),
    }


def country_title(country, public):
    """The country's name in the visitor's language where its translation is public."""
    key = country.translation_key
    return i18n.names_by_key(public, [key]).get(key, country.title)


def structured_data(page, request):
    """A schema.org Event for core.seo's JSON-LD."""
    url = request.build_absolute_uri(request.path)
    attendance = Format.ONLINE if page.status == Status.MOVED_ONLINE else page.format
    places = []
    if attendance in VENUE_FORMATS and page.venue_name:
        place = {"@type": "Place", "name": page.venue_name}
        if page.venue_address:
            place["address"] = page.venue_address
        places.append(place)
    if attendance != Format.IN_PERSON:
        # The joining link is not public ahead of the event: the page stands in.
        places.append({"@type": "VirtualLocation", "url": url})
    data = {
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "startDate": page.start().isoformat() if page.start_utc else None,
        "endDate": page.end().isoformat() if page.end_utc else None,
        "eventStatus": f"https://schema.org/{SCHEMA_STATUS[page.status]}",
        "eventAttendanceMode": f"https://schema.org/{SCHEMA_ATTENDANCE[attendance]}",
        "location": places[0] if len(places) == 1 else places,
        "inLanguage": [bcp47(code) for code in page.language_codes()] or page.locale.language_code,
        "organizer": [{"@type": "Organization", "name": n} for n in page.organiser_names()],
    }
    if page.registration_url:
        data["offers"] = {
            "@type": "Offer",
            "url": page.registration_url,
            "price": 0,
            "priceCurrency": "USD",
            "availability": "https://schema.org/"
            + ("SoldOut" if page.registration_full else "InStock"),
        }
    return data
