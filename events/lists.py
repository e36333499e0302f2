"""Lists of events for the country pages, the home page, the feeds and the calendar:
one named queryset each, decorated for the cards in a constant number of queries."""

from django.db.models import Min
from django.utils import timezone

from core import fragments, i18n
from events.listing import card, decorate, for_listing
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
    """{events, count, listing_url, until}: the next events of `country` (any
    translation), as cards."""
    queryset = upcoming().in_countries([country.translation_key])

    def compute():
        events = decorate(for_listing(queryset)[:limit], request)
        if not events:  # the usual case: one query, not four
            return {"events": [], "count": 0, "listing_url": "", "until": None}
        index = index_page()
        listing = i18n.localized_url(index, request) if index else ""
        return {
            "events": [card(event) for event in events],
            "count": queryset.count() if len(events) == limit else len(events),
            # Slugs are the same in every language (core/wagtail_localize_slugs.py).
            "listing_url": f"{listing}?country={country.slug}" if listing else "",
            "until": first_end(queryset),
        }

    return kept("country-events", compute, request, country.translation_key, limit)


def next_events(request, limit=3):
    """{events, listing_url, until}: the next events anywhere, as cards."""

    def compute():
        events = decorate(for_listing(upcoming())[:limit], request)
        index = index_page() if events else None
        return {
            "events": [card(event) for event in events],
            "listing_url": i18n.localized_url(index, request) if index else "",
            "until": first_end(upcoming()) if events else None,
        }

    return kept("next-events", compute, request, limit)


def first_end(queryset):
    """When the first of these upcoming events ends: until then no listed event turns
    past, none joins the list but by a publish, and the count holds."""
    return queryset.aggregate(first=Min("end_utc"))["first"]


def kept(name, compute, request, *parts):
    """`compute()` from the shared cache, under the content version (a publish changes
    it), the visitor's language and host (the links), until its `until`."""
    return fragments.cached(
        name,
        compute,
        i18n.active_language(),
        request.get_host() if request is not None else "",
        *parts,
        still_valid=lambda found: found["until"] is None or timezone.now() <= found["until"],
    )
