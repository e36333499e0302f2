"""How the library narrows, orders and counts resources.

`base` is every live resource; the library shows the visitor's language, with English
resources not yet translated into it. On the database backends every step stays a
queryset, so paging and facet counts run in the database whatever the library's size.
When a search server (Elasticsearch) runs a typed search, the filters, the order and
the facet counts run in its index instead (`in_index`), so every hit is counted.
"""

import datetime

from django.db.models import Prefetch
from django.db.models.query import QuerySet
from wagtail.images import get_image_model

from core import facet_cache, facets, freshness, i18n, locales
from core.listing import DeferredQuerySet
from resources.facets import FACETS
from search.query import clean_query, runs_in_sql, search_pages, search_queryset

LISTING_RENDITIONS = ["fill-160x120", "fill-320x240"]


# The library's sorts as FilterFields, for a search server to sort on.
INDEX_SORTS = {"newest": ("-publication_date", "id"), "title": ("title", "id")}


def results(base, filters):
    """What the listing pages through: a queryset, or a search server's results."""
    if in_index(filters):
        sort = sort_order(filters)
        queryset = for_listing(base)
        if sort in INDEX_SORTS:
            queryset = queryset.order_by(*INDEX_SORTS[sort])
        return search_index(queryset, filters, ranked=sort not in INDEX_SORTS)
    narrowed = narrow(i18n.with_locale_fallback(base), filters)
    return for_listing(order(narrowed, filters))


def count(results, filters):
    """How many resources the listing holds, kept like the facet counts (per language and
    filters, under the content version): paging a library already counted, or sorting
    it other than by downloads, runs no count (9 to 22 ms at 10,000 resources). A search
    server counts its own hits (None: the paginator asks it)."""
    if in_index(filters):
        return None
    # "Most downloaded" lists only resources with a running total: counted apart.
    namespace = "library-total-downloads" if sort_order(filters) == "downloads" else "library-total"
    return facet_cache.get_or_compute(
        namespace,
        i18n.active_language(),
        filters,
        # Asked for when the count is not kept: only then are deferred results built.
        lambda: results.count(),
        timeout=facet_cache.timeout_for(filters.get("q")),
    )


def page_ids(page_obj, filters):
    """The ids of a page of results, in order, kept like the count: under the content
    version (and the downloads version for "most downloaded"), per language, filters,
    sort and page. On SQLite the filtered query starts from the locale's index and takes
    4 ms at 10,000 resources, the most of any query on an uncached library page
    (docs/performance.md). None for a search server's hits, which come loaded."""
    results = page_obj.object_list
    if not isinstance(results, (QuerySet, DeferredQuerySet)):
        return None
    sort = sort_order(filters)
    # The order of "most downloaded" changes with each download, not with a publish.
    downloads = freshness.version(freshness.DOWNLOADS) if sort == "downloads" else ""
    return facet_cache.get_or_compute(
        f"library-page:{sort}:{downloads}:{page_obj.number}",
        i18n.active_language(),
        filters,
        lambda: list(results.prefetch_related(None).values_list("pk", flat=True)),
        timeout=facet_cache.timeout_for(filters.get("q")),
    )


def in_index(filters):
    """A typed search on a search server. "Most downloaded" is counted in the database
    only, so that sort keeps the database path, over the best-ranked hits."""
    return (
        bool(clean_query(filters.get("q")))
        and sort_order(filters) != "downloads"
        and not runs_in_sql()
    )


def search_index(queryset, filters, chosen=None, ranked=True):
    """The search, the years and the `chosen` facets (all of them by default), all on
    the search server."""
    if chosen is None:
        chosen = facets.chosen(FACETS, facets.selected_keys(filters, FACETS))
    results, _clean = search_pages(
        years(queryset, filters), filters["q"], scope="fallback", facets=chosen, ranked=ranked
    )
    return results


def years(queryset, filters):
    if filters.get("year_from"):
        queryset = queryset.filter(publication_date__gte=datetime.date(filters["year_from"], 1, 1))
    if filters.get("year_to"):
        queryset = queryset.filter(publication_date__lte=datetime.date(filters["year_to"], 12, 31))
    return queryset


def searched(queryset, filters):
    """The search and the years: what is not a facet."""
    if filters.get("q"):
        # The site search's code, with the library's locale fallback.
        queryset, _clean = search_queryset(queryset, filters["q"], scope="fallback")
    return years(queryset, filters)


def narrow(queryset, filters):
    selected = facets.selected_keys(filters, FACETS)
    return facets.narrow(searched(queryset, filters), facets.chosen(FACETS, selected))


def sort_order(filters):
    """The sort in effect: best match only means something when there is a search."""
    sort = filters.get("sort") or "relevance"
    return "newest" if sort == "relevance" and not filters.get("q") else sort


def order(queryset, filters):
    sort = sort_order(filters)
    if sort == "relevance":
        return queryset  # the search backend's ranking
    if sort == "title":
        return queryset.order_by("title", "pk")
    if sort == "downloads":
        # The running total (ResourceDownloadTotal, a row per resource): an inner join
        # read in the order of its index, no sum per resource.
        queryset = queryset.filter(download_total__total__gte=0)
        return queryset.order_by("-download_total__total", "-publication_date", "pk")
    return queryset.order_by("-publication_date", "pk")


def for_listing(queryset):
    """What a result card needs, in a fixed number of queries."""
    images = get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS)
    return (
        queryset.defer_streamfields()
        .select_related("resource_type", "locale")
        .prefetch_related("available_languages", Prefetch("cover_image", queryset=images))
    )


def facet_groups(base, filters, form):
    """For each facet: its options that have results under the other active filters,
    with counts. Selected options stay listed so they can be unticked."""
    selected = facets.selected_keys(filters, FACETS)

    def count_in_index():
        return facets.counts_under_other_filters(
            FACETS,
            selected,
            lambda facet, others: facet.index_counts(search_index(base, filters, others)),
        )

    def count_in_sql():
        shown = searched(i18n.with_locale_fallback(base), filters)
        return facets.counts_in_database(shown, FACETS, selected)

    language = i18n.active_language()
    if in_index(filters):
        # A search server shows a publish about a second later: keep these briefly.
        counts_by_facet = facet_cache.get_or_compute(
            "library-index", language, filters, count_in_index, timeout=facet_cache.INDEX_TIMEOUT
        )
    else:  # "Most downloaded" on a search server counts its best hits in SQL: kept apart
        counts_by_facet = facet_cache.get_or_compute(
            "library",
            language,
            filters,
            count_in_sql,
            timeout=facet_cache.timeout_for(filters.get("q")),
        )
    groups = []
    for facet in FACETS:
        options = facets.options(
            form.facet_choices(facet.name), counts_by_facet[facet.name], filters.get(facet.name, [])
        )
        if options:
            groups.append({"name": facet.name, "label": facet.label, "options": options})
    return groups


def decorate(results, type_choices, request):
    """Give each result its URL under the visitor's prefix and its type's label in the
    visitor's language, without a query per result."""
    active = locales.active()
    types = {choice.key: choice.label for choice in type_choices}
    for resource in results:
        if resource.locale_id == active.pk:
            resource.library_url = resource.get_url(request=request)
        else:
            # The listing only holds default-locale pages that have no live translation.
            resource.library_url = i18n.url_in_language(resource, active.language_code, request)
        resource.type_label = types.get(resource.resource_type.translation_key, "")
    return results
