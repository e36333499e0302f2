"""Resources for other pages to feature (the home page's featured section)."""

from portal.i18n import with_locale_fallback


def latest_resources(request=None, limit=3):
    """The newest live resources in the visitor's language (English where untranslated),
    ready for the result card template: resources/includes/result_card.html."""
    from resources.facets import taxonomy_choices
    from resources.library import decorate, for_listing
    from resources.models import ResourcePage, ResourceType

    queryset = with_locale_fallback(ResourcePage.objects.live())
    latest = list(for_listing(queryset.order_by("-publication_date", "-pk"))[:limit])
    return decorate(latest, taxonomy_choices(ResourceType), request)


def live_english_resource_count():
    from resources.models import ResourcePage

    return ResourcePage.objects.live().filter(locale__language_code="en").count()
