"""Short lists of resources for other pages: the newest (the home page) and a
country's (its country page, through resources_tags)."""

from wagtail.models import Locale

from core.i18n import localized_url, publicly_visible
from resources.facets import taxonomy_choices
from resources.library import decorate, for_listing
from resources.models import ResourceIndexPage, ResourcePage, ResourceType


def latest_resources(request=None, limit=3):
    """The newest publicly visible resources in the visitor's language (English where untranslated),
    ready for the result card template: resources/includes/result_card.html."""
    queryset = publicly_visible(ResourcePage.objects.all())
    latest = list(for_listing(queryset.order_by("-publication_date", "-pk"))[:limit])
    return decorate(latest, taxonomy_choices(ResourceType), request)


def resources_for_country(country, request=None, limit=6):
    """The newest resources tagged with `country` (any translation of it), for its page:
    ({"resources", "count", "library_url"}) in a constant number of queries."""
    queryset = publicly_visible(ResourcePage.objects.all()).filter(
        countries__translation_key=country.translation_key
    )
    latest = list(for_listing(queryset.order_by("-publication_date", "-pk"))[:limit])
    library = ResourceIndexPage.objects.live().public().filter(locale__language_code="en").first()
    english_slug = country.get_translation(Locale.get_default()).slug
    return {
        "resources": decorate(latest, taxonomy_choices(ResourceType), request),
        "count": queryset.count(),
        "library_url": f"{localized_url(library, request)}?country={english_slug}"
        if library
        else "",
    }
