"""Short lists of resources for other pages: the newest (the home page) and a
country's (its country page, through resources_tags)."""

from django.conf import settings
from django.db.models import Count, Window
from wagtail.models import Site

from core import fragments, i18n, visibility
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
    # How many there are in all rides along with the newest: no query of its own.
    latest = list(
        for_listing(queryset.annotate(total=Window(Count("pk")))).order_by(
            "-publication_date", "-pk"
        )[:limit]
    )
    library = library_url(request)
    # A translation keeps its English page's slug (core/wagtail_localize_slugs.py).
    return {
        "resources": decorate(latest, taxonomy_choices(ResourceType), request),
        "count": latest[0].total if latest else 0,
        "library_url": f"{library}?country={country.slug}" if library else "",
    }


def library_url(request=None):
    """The library's URL for the visitor ("" when it is not public), the same for
    everyone until public content changes (core/fragments.py)."""

    def find():
        library = (
            visibility.public(ResourceIndexPage.objects.live())
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .first()
        )
        return localized_url(library, request) if library else ""

    site = Site.find_for_request(request) if request else None
    return fragments.cached("library-url", find, i18n.active_language(), site and site.pk)
