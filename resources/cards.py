"""The library's result cards, each rendered once and kept (core/fragments.py).

A card depends only on its resource, the visitor's language and the site (its link), so
it is kept under the content version and shared by every filter, sort and page that
lists the resource. An uncached library page then loads only the ids of its page of
results; loading twenty resources with their languages and covers and rendering their
cards was half of its time.
"""

from django.template.loader import get_template
from wagtail.models import Site

from core import fragments, freshness, i18n, page_cache
from resources import library
from resources.models.resource_page import ResourcePage

TEMPLATE = "resources/includes/result_card.html"


def rendered(results, ids, type_choices, request):
    """The cards of a page of results, in order: a queryset and its ids (kept with the
    count: library.page_ids), or a search server's hits, loaded, and None."""
    # Read before the results: a card is never kept under a newer version than it shows.
    site = Site.find_for_request(request)
    prefix = ":".join(
        str(part)
        for part in (
            "card:resource",
            freshness.version(),
            i18n.active_language(),
            site and site.pk,
            # As for whole pages: a new media host comes with a new security policy.
            page_cache.header_settings(),
        )
    )
    if ids is not None:
        loaded = {}
    else:  # a search server's hits, loaded with what a card needs
        loaded = {resource.pk: resource for resource in results}
        ids = list(loaded)
    keys = {f"{prefix}:{pk}": pk for pk in ids}

    def render(missing):
        wanted = [keys[key] for key in missing]
        unloaded = [pk for pk in wanted if pk not in loaded]
        if unloaded:
            queryset = library.for_listing(ResourcePage.objects.filter(pk__in=unloaded))
            loaded.update((resource.pk, resource) for resource in queryset)
        # A resource deleted since its id was read has no card.
        resources = {key: loaded[keys[key]] for key in missing if keys[key] in loaded}
        library.decorate(resources.values(), type_choices, request)
        template = get_template(TEMPLATE)
        return {key: template.render({"resource": r}) for key, r in resources.items()}

    cards = fragments.versioned_many(list(keys), render)
    return [cards[key] for key in keys if key in cards]
