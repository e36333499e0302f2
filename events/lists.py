"""Lists of events for the country pages, the home page, the feeds and the calendar:
one named queryset each, decorated for the cards in a constant number of queries."""

from core import i18n
from events.listing import decorate, for_listing
from events.models import EventIndexPage, EventPage


def visible(language_code=None):
    return i18n.publicly_visible(EventPage.objects.all(), language_code)


def upcoming(language_code=None):
    return visible(language_code).upcoming().order_by("start_utc", "pk")


def past(language_code=None):
    return visible(language_code).past().order_by("-start_utc", "-pk")


def index_page():
    """The English events index (listed pages link to its translation or fallback)."""
    return (
        EventIndexPage.objects.live()
        .public()
        .filter(locale__language_code="en")
        .select_related("locale")
        .first()
    )


def events_for_country(country, request, limit=3):
    """{events, count, listing_url}: the next events of `country` (any translation)."""
    queryset = upcoming().in_countries([country.translation_key])
    events = decorate(for_listing(queryset)[:limit], request)
    if not events:  # the usual case: one query, not four
        return {"events": [], "count": 0, "listing_url": ""}
    index = index_page()
    listing = i18n.localized_url(index, request) if index else ""
    return {
        "events": events,
        "count": queryset.count() if len(events) == limit else len(events),
        # Slugs are the same in every language (core/wagtail_localize_slugs.py).
        "listing_url": f"{listing}?country={country.slug}" if listing else "",
    }


def next_events(request, limit=3):
    events = decorate(for_listing(upcoming())[:limit], request)
    index = index_page() if events else None
    return {"events": events, "listing_url": i18n.localized_url(index, request) if index else ""}
