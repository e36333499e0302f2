"""What the public API (/api/v2/events/) needs of events: the filters, by the listing's
slugs, and the rows its computed fields read, loaded per batch of pages."""

from django.db.models import prefetch_related_objects

from events.facets import FACETS

LANGUAGE_ROWS = ("spoken_languages", "interpretation_languages", "caption_languages")
FILTERS = tuple(facet.name for facet in FACETS)
WHEN = ("upcoming", "past")


def facet(name):
    return next(f for f in FACETS if f.name == name)


def prefetch(pages):
    prefetch_related_objects(pages, *LANGUAGE_ROWS)
