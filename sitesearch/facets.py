"""The facets of the site search, as a table: each facet is one GET parameter, one
FilterField on the pages searched, and how its values are shown.

The resource library's facets are reused as they are (ResourceFacet). To add another,
write a Facet subclass and append it to FACETS; see docs/search.md. Counts come from
every current result (not a first batch of them), and a value with no results is never
listed: in SQL on the database backends, from terms aggregations on Elasticsearch.
"""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from core.languages import endonym
from search.query import IndexFilter


class Facet:
    param = ""  # the GET parameter
    field = ""  # attname of a FilterField of the searched model (`locale_id`)
    label = ""
    only_across_languages = False  # shown only when "include other languages" is on

    def key_for(self, value):
        """The filter value for a GET value, or None when it is unknown."""
        raise NotImplementedError

    def describe(self, keys):
        """{key: (GET value, label)} for filter values found in the results."""
        raise NotImplementedError

    def apply(self, queryset, key):
        return queryset.filter(**{self.field: key})

    def index_filter(self, key):
        """An IndexFilter for a search server, or None when apply() serves it too."""
        return None

    def counts(self, results):
        """{filter value: number of results}, over every result: worth caching."""
        return {key: n for key, n in results.facet(self.field).items() if key and n}

    def options(self, counts, selected):
        """[{value, label, count, selected}] from counts(), most frequent first."""
        described = self.describe(counts)
        return [
            {
                "value": described[key][0],
                "label": described[key][1],
                "count": count,
                "selected": key == selected,
            }
            for key, count in counts.items()
            if key in described
        ]


class ContentTypeFacet(Facet):
    """Page type, by model name (`content=homepage`), labelled with its verbose name."""

    param = "content"
    field = "content_type_id"
    label = _("Type of page")

    def key_for(self, value):
        content_type = ContentType.objects.filter(model=value).first()
        if content_type and issubclass(content_type.model_class() or object, Page):
            return content_type.pk
        return None

    def describe(self, keys):
        described = {}
        for key in keys:  # get_for_id is cached: no query after the first
            content_type = ContentType.objects.get_for_id(key)
            model = content_type.model_class()
            if model:
                described[key] = (content_type.model, capfirst(model._meta.verbose_name))
        return described


class LocaleFacet(Facet):
    """The language a page is written in (its locale), by language code. `language` is
    the library's: the languages a resource's versions come in."""

    param = "written_in"
    field = "locale_id"
    label = _("Written in")
    only_across_languages = True

    def key_for(self, value):
        return Locale.objects.filter(language_code=value).values_list("pk", flat=True).first()

    def describe(self, keys):
        codes = dict(Locale.objects.filter(pk__in=keys).values_list("pk", "language_code"))
        return {key: (code, endonym(code)) for key, code in codes.items()}


class ResourceFacet(Facet):
    """One of the resource library's facets (resources/facets.py: type, language of the
    versions on offer), counted over the resources among the results, with the
    library's parameter name, slugs and labels. Choosing a value keeps only resources."""

    def __init__(self, library_facet):
        self.library_facet = library_facet
        self.param = library_facet.name
        self.label = library_facet.label

    def resources(self):
        from resources.models import ResourcePage

        return ResourcePage.objects.all()

    def key_for(self, value):
        choice = next((c for c in self.library_facet.load_choices() if c.slug == value), None)
        return choice.key if choice else None

    def apply(self, queryset, key):
        matching = self.library_facet.filter(self.resources(), [key]).values("pk")
        return queryset.filter(pk__in=matching)

    def index_targets(self):
        """The (model, FilterField) pairs holding this facet's keys in a search index."""
        return ((self.resources().model, self.library_facet.indexed_as),)

    def index_filter(self, key):
        return IndexFilter(self.index_targets(), (str(key),))

    def counts(self, results):
        """{key as text: number of pages among the results}."""
        if hasattr(results, "index_facet"):  # a search server: aggregations
            counts = results.index_facet(*self.index_targets())
        else:  # the database backends: every match, as a subquery
            counts = self.counts_in_sql(results.get_queryset().order_by().values("pk"))
        return {str(key): count for key, count in counts.items()}

    def counts_in_sql(self, matching):
        return self.library_facet.counts(self.resources().filter(pk__in=matching))

    def options(self, counts, selected):
        options = [
            {
                "value": choice.slug,
                "label": choice.label,
                "count": counts[str(choice.key)],
                "selected": choice.key == selected,
            }
            for choice in self.library_facet.load_choices()
            if counts.get(str(choice.key))
        ]
        return sorted(options, key=lambda option: -option["count"])


class ResourceAndStoryFacet(ResourceFacet):
    """Topic and country tag stories too (a story's country is the country page it is
    published under), so these count and keep resources and stories. `story_lookup`
    reaches the key from StoryPage (`country_key` is annotated by stories())."""

    def __init__(self, library_facet, story_lookup):
        super().__init__(library_facet)
        self.story_lookup = story_lookup

    def stories(self):
        from countries.models import StoryPage

        parent = Page.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        )
        return StoryPage.objects.annotate(
            country_key=Subquery(parent.values("translation_key")[:1])
        )

    def apply(self, queryset, key):
        resources = self.library_facet.filter(self.resources(), [key]).values("pk")
        stories = self.stories().filter(**{self.story_lookup: key}).values("pk")
        return queryset.filter(Q(pk__in=resources) | Q(pk__in=stories))

    def index_targets(self):
        return (*super().index_targets(), (self.stories().model, self.library_facet.indexed_as))

    def counts_in_sql(self, matching):
        counts = Counter(super().counts_in_sql(matching))
        rows = (
            self.stories()
            .filter(pk__in=matching)
            .order_by()
            .values(self.story_lookup)
            .annotate(n=Count("pk", distinct=True))
            .values_list(self.story_lookup, "n")
        )
        counts.update({key: n for key, n in rows if key})
        return counts


def resource_facets():
    from resources.facets import FACETS as LIBRARY_FACETS

    by_name = {facet.name: facet for facet in LIBRARY_FACETS}
    return [
        ResourceFacet(by_name["type"]),
        ResourceAndStoryFacet(by_name["topic"], "topics__translation_key"),
        ResourceAndStoryFacet(by_name["country"], "country_key"),
        ResourceFacet(by_name["language"]),
    ]


FACETS = [ContentTypeFacet(), *resource_facets(), LocaleFacet()]
