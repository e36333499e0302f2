"""The facets of the site search, declared with the core's facets (core/facets.py):
each is one GET parameter and one or more FilterFields of the pages searched.

The page type and the language a page is written in are fields of every page. The
resource library's facets are reused as they are, counted over the resources among the
results; topic and country tag stories too (a story's country is the country page it
is published under), so these keep and count both. Counts come from every current
result (not a first batch of them): in SQL on the database backends, from terms
aggregations on Elasticsearch. To add a facet, append it to FACETS; see docs/search.md.
"""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, get_page_models

from core.facets import Choice, Facet, FieldFacet
from core.languages import endonym
from countries.forms import STORY_FACETS
from countries.models import StoryPage
from resources.facets import FACETS as LIBRARY_FACETS
from resources.models import ResourcePage


def page_type_choices():
    """Each page type by model name (`content=homepage`), labelled with its verbose
    name: no query once Django has cached the content types."""
    types = ContentType.objects.get_for_models(*get_page_models())
    return [
        Choice(content_type.model, capfirst(model._meta.verbose_name), content_type.pk)
        for model, content_type in types.items()
    ]


def locale_choices():
    rows = Locale.objects.values_list("language_code", "pk")
    return [Choice(code, endonym(code), pk) for code, pk in rows]


class AcrossTypes(Facet):
    """A facet of some page types among results of every type: `parts` are (facet,
    pages) pairs, `pages()` being every page of one type with what the facet reads.
    Choosing a value keeps the pages of those types holding it; counts add up."""

    def __init__(self, parts, index):
        first = parts[0][0]
        super().__init__(first.name, first.label, None, first.load_choices, index=index)
        self.parts = parts

    def filter(self, queryset, keys):
        either = Q()
        for facet, pages in self.parts:
            either |= Q(pk__in=facet.filter(pages(), keys).values("pk"))
        return queryset.filter(either)

    def counts(self, queryset):
        total = Counter()
        for facet, pages in self.parts:
            total.update(facet.counts(pages().filter(pk__in=queryset.values("pk"))))
        return dict(total)


def across(name, story_facet=None):
    """The library's facet `name`, with the stories' `story_facet` if they have it."""
    library = next(facet for facet in LIBRARY_FACETS if facet.name == name)
    parts = [(library, ResourcePage.objects.all)]
    targets = library.index
    if story_facet:
        facet = next(facet for facet in STORY_FACETS if facet.name == story_facet)
        parts.append((facet, StoryPage.objects.with_country_key))
        targets = (*targets, (StoryPage, targets[0][1]))  # the same FilterField name
    return AcrossTypes(parts, index=targets)


FACETS = [
    FieldFacet("content", _("Type of page"), "content_type_id", page_type_choices),
    across("type"),
    across("topic", "topic"),
    across("country", "country"),
    across("language"),
    FieldFacet("written_in", _("Written in"), "locale_id", locale_choices),
]
# Shown only when "include other languages" is on.
ACROSS_LANGUAGES_ONLY = {"written_in"}
