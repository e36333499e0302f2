from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    """The site-search pages: `/<lang>/search/`, suggestions, facets, the search-terms
    report. The engine they call (backends, query building, analysis) is `search`."""

    name = "sitesearch"
    verbose_name = "Site search"

    def ready(self):
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from core import freshness

        # Not Query: a row is made for each new search term.
        freshness.watch(SearchPromotion)
