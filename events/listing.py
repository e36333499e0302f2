"""How the events listing narrows, counts and decorates events. Takes querysets and
never imports the models, so the index page's model can use it."""

from wagtail.models import Page

from core import facets, i18n
from events import context
from events.facets import FACETS


def for_listing(queryset):
    """What an event card reads, in a fixed number of queries."""
    return (
        queryset.defer_streamfields()
        .select_related("locale", "country")
        # The cards show the languages spoken and interpreted; captions are a facet flag.
        .prefetch_related("spoken_languages", "interpretation_languages")
    )


def decorate(events, request):
    """Each event's URL under the visitor's prefix, times and country name in the
    visitor's language: one query for the names, whatever the number of events."""
    events = list(events)
    keys = {event.country.translation_key for event in events if event.country_id}
    names = i18n.names_by_key(Page.objects.live().public(), keys)
    for event in events:
        event.listing_url = i18n.url_for_visitor(event, request)
        event.when = context.when(event)
        country = event.country if event.country_id else None
        event.country_title = names.get(country.translation_key, country.title) if country else ""
        event.spoken = context.languages(event.language_codes())
        event.interpretation = context.languages(event.interpretation_codes())
        event.language_code = event.locale.language_code
        event.status_label = event.get_status_display()
        event.format_label = event.get_format_display()
    return events


# What events/includes/event_card.html reads of an event.
CARD_FIELDS = (
    "title",
    "summary",
    "language_code",
    "listing_url",
    "status",
    "status_label",
    "format_label",
    "when",
    "country_title",
    "spoken",
    "interpretation",
)


def card(event):
    """A decorated event as the plain values its card shows, which the shared cache
    keeps cheaply (events.lists.kept)."""
    return {name: getattr(event, name) for name in CARD_FIELDS}


def facet_groups(base, filters, form):
    """For each facet: its options with events under the other active filters, and the
    counts. Not cached: "upcoming" moves with the clock, and events are few."""
    selected = facets.selected_keys(filters, FACETS)
    counts = facets.counts_in_database(base, FACETS, selected)
    groups = []
    for facet in FACETS:
        options = facets.options(
            form.facet_choices(facet.name), counts[facet.name], filters.get(facet.name, [])
        )
        if options:
            groups.append({"name": facet.name, "label": facet.label, "options": options})
    return groups


def narrow(queryset, filters):
    return facets.narrow(queryset, facets.chosen(FACETS, facets.selected_keys(filters, FACETS)))
