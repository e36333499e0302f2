"""The site search page and the suggestions behind the search box."""

from collections import defaultdict

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core import facet_cache, facets, page_cache, visibility
from core.i18n import active_language, localized_url
from core.listing import active_filter_links
from resources.models import ResourcePage
from search import query_counts
from search.analysis import all_language_codes
from search.query import SHORTENED, autocomplete_pages, clean_query, search_pages
from sitesearch.facets import ACROSS_LANGUAGES_ONLY, FACETS
from sitesearch.matches import found_in_files
from sitesearch.most_used import most_used_resources

PER_PAGE = 10
MAX_SUGGESTIONS = 8


def searchable_pages():
    """Live, public pages below the tree roots, with what a result line shows (the same
    conditions as `searchable`, which asks them of a loaded page)."""
    return visibility.public(Page.objects.live()).filter(depth__gt=1).select_related("locale")


def shown_facets(across_languages):
    return [f for f in FACETS if across_languages or f.name not in ACROSS_LANGUAGES_ONLY]


def selected_facets(request, facets, choices):
    """{facet name: [the Choice]} for valid facet values (one value per facet: a link
    replaces it); labels of the facets whose value was ignored."""
    selected, ignored = {}, []
    for facet in facets:
        value = request.GET.get(facet.name)
        if not value:
            continue
        choice = next((c for c in choices(facet) if c.slug == value), None)
        if choice is None:
            ignored.append(facet.label)
        else:
            selected[facet.name] = [choice]
    return selected, ignored


def choices_loader():
    """A facet's choices, loaded once per request and only for the facets used."""
    loaded = {}

    def choices(facet):
        if facet.name not in loaded:
            loaded[facet.name] = facet.load_choices()
        return loaded[facet.name]

    return choices


def search(request):
    language = active_language()
    clean = clean_query(request.GET.get("q", ""))
    across_languages = request.GET.get("all_languages") == "1"
    shown, choices = shown_facets(across_languages), choices_loader()
    selected, ignored = selected_facets(request, shown, choices)
    if ignored:  # as in core/listing.py: a made-up value makes no cached page
        page_cache.expire_within(request, 0)
    scope = "all" if across_languages else "locale"
    chosen = facets.chosen(shown, facets.selected_keys(selected, shown))
    results, clean = search_pages(searchable_pages(), clean, language, scope=scope, facets=chosen)
    record = None  # what the search-terms report counts, when this is a new search
    context = {
        "query": clean,
        "across_languages": across_languages,
        "ignored_filters": ignored,
        "shortened_message": SHORTENED if clean.shortened else "",
        "language_code": language,
    }
    if results is not None:
        page_obj = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            page_obj=page_obj,
            results=result_entries(page_obj.object_list, request, language, clean, scope),
            # Nothing found, nothing to count: skip scanning for facet values.
            facets=facet_options(request, results, shown, choices, selected, clean)
            if page_obj.paginator.count
            else [],
            active_filters=active_filter_links(request, selected, {f.name: f for f in shown}),
            clear_filters_url=without_facets(request),
            promotions=promotions(clean.text) if page_obj.number == 1 else [],
        )
        if page_obj.paginator.count == 0:
            context["most_used"] = most_used_resources(request, language)
        if "page" not in request.GET:
            record = {"language": language, "text": clean.text, "hits": page_obj.paginator.count}
            record_search(request, record)
    response = render(request, "sitesearch/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    if request.GET.get("q"):
        # What people search for stays off shared caches and browser history; the page
        # cache keeps it on the server, and counts the search again on each hit.
        patch_cache_control(response, no_store=True)
        if record:
            response.page_cache_meta = record
    return response


@page_cache.on_hit("search:search")
def record_search(request, record):
    """The search-terms report (sitesearch/report.py) counts every search, answered from
    the page cache or not."""
    if record:
        query_counts.record(record["language"], record["text"], record["hits"])


def result_entries(pages, request, language, clean, scope):
    pages = list(pages)
    resource_ids = [page.pk for page in pages if page.specific_class is ResourcePage]
    languages = all_language_codes() if scope == "all" else (language,)
    files = found_in_files(resource_ids, clean, languages)
    summaries = page_summaries(pages)
    return [
        result_entry(page, request, language, files.get(page.pk, []), summaries.get(page.pk))
        for page in pages
    ]


def page_summaries(pages):
    """{pk: the page's own plain summary (resources, stories)}, one query per page type
    among the results, not one per result."""
    wanted = defaultdict(list)
    for page in pages:
        model = page.specific_class
        if model and any(field.name == "summary" for field in model._meta.get_fields()):
            wanted[model].append(page.pk)
    summaries = {}
    for model, pks in wanted.items():
        summaries.update(model.objects.filter(pk__in=pks).values_list("pk", "summary"))
    return summaries


def result_entry(page, request, language, file_languages, summary=None):
    page_language = page.locale.language_code
    return {
        "title": page.title,
        "url": page.get_url(request=request),
        "summary": summary or page.search_description,
        "type": page.specific_class._meta.verbose_name if page.specific_class else "",
        "language": page_language if page_language != language else "",
        "found_in": [
            _("Found inside the PDF (%(language)s)") % {"language": language_name(code)}
            for code in file_languages
        ],
    }


def facet_options(request, results, shown, choices, selected, clean):
    """The facets' options with counts over every result (the chosen values' filters
    included: one value per facet), most frequent first. Counting is the costly part
    (one scan of the matches per facet), so the counts are cached per search, language
    and filters until a page is published or removed (core/facet_cache.py)."""
    search = {
        "words": [*clean.phrases, *clean.terms],
        "facets": [facet.name for facet in shown],
        **selected,
    }
    in_index = not hasattr(results, "get_queryset")  # a search server, not SQL

    def count():
        if in_index:
            return {facet.name: facet.index_counts(results) for facet in shown}
        matching = Page.objects.filter(pk__in=results.get_queryset().order_by().values("pk"))
        return {facet.name: facet.counts(matching) for facet in shown}

    counts = facet_cache.get_or_compute(
        "search",
        active_language(),
        search,
        count,
        timeout=facet_cache.timeout_for(search["words"]),
    )
    groups = []
    for facet in shown:
        options = facets.options(choices(facet), counts[facet.name], selected.get(facet.name, []))
        for option in options:
            option["value"] = option["slug"]  # the GET value
            query = request.GET.copy()
            query[facet.name] = option["slug"]
            query.pop("page", None)
            option["querystring"] = "?" + query.urlencode()
        options.sort(key=lambda option: -option["count"])
        groups.append({"facet": facet, "options": options})
    return groups


def without_facets(request):
    """The search with no facet chosen: the words and the languages searched."""
    query = request.GET.copy()
    for facet in FACETS:
        query.pop(facet.name, None)
    query.pop("page", None)
    return "?" + query.urlencode()


def promotions(text):
    """Editors' promoted results for this query (Wagtail's search promotions), each
    linked in the visitor's language where the page has a live translation. A promoted
    page shows only while it is live and public, as any result; an external link always."""
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(text))
        .select_related("page", "page__locale")
        .order_by("sort_order")
    )
    return [
        {
            "title": pick.page.title if pick.page else pick.external_link_text,
            "url": localized_url(pick.page) if pick.page else pick.external_link_url,
            "description": pick.description,
        }
        for pick in picks
        if pick.page is None or searchable(pick.page)
    ]


def searchable(page):
    """`searchable_pages()`'s conditions, asked of a page already loaded: keep the two
    alike. As a subquery they read every page's id for each search (9-17 ms at 10,000
    resources on PostgreSQL)."""
    return page.live and page.depth > 1 and visibility.is_public(page)


def language_name(code):
    """The language's name in the visitor's language: "French" in English."""
    return get_language_info(code)["name_translated"]


def suggest(request):
    pages = autocomplete_pages(
        searchable_pages(), request.GET.get("q", "")[:200], limit=MAX_SUGGESTIONS
    )
    response = JsonResponse(
        {
            "suggestions": [
                {
                    "title": page.title,
                    "url": page.get_url(request=request),
                    "type": str(page.specific_class._meta.verbose_name)
                    if page.specific_class
                    else _("Page"),
                }
                for page in pages
            ]
        }
    )
    # Nothing personal in it, and the same for everyone: a short public cache helps.
    patch_cache_control(response, public=True, max_age=60)
    response["X-Robots-Tag"] = "noindex"
    return response
