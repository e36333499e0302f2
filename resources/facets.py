"""The library's facets, one row each in FACETS. A facet knows its choices (in the
visitor's language), how to filter on selected values (OR within the facet) and how to
count results per value in the database. Facets combine with AND.

Taxonomy values are the English slugs; filters and counts go through `translation_key`
so a page tagged with an untranslated term still matches (portal/taxonomy.py).
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.languages import endonym
from core.taxonomy import Topic
from resources.accessibility import ACCESS_FEATURES
from resources.taxonomy import Audience, ResourceType
from search.query import IndexFilter


def resource_model():
    return apps.get_model("resources", "ResourcePage")  # imported here, it would be a cycle


@dataclass(frozen=True)
class Choice:
    slug: str  # in the URL; `slug` so core.listing.active_filter_links reads it
    label: str
    key: object  # what the database stores


def taxonomy_choices(model):
    """One query: the terms of the default and active locales, labelled in the active
    language where translated, keyed by translation_key."""
    active, default = Locale.get_active(), Locale.get_default()
    terms = {}
    for term in model.objects.filter(locale_id__in={active.pk, default.pk}).order_by("pk"):
        seen = terms.get(term.translation_key)
        if seen is None or term.locale_id == active.pk:
            slug = seen.slug if seen else term.slug
            terms[term.translation_key] = Choice(slug, term.name, term.translation_key)
    return sorted(terms.values(), key=lambda choice: choice.label.lower())


def country_choices():
    """The English country pages, slugged as in their URLs (`kenya`), labelled in the
    active language where translated: two queries."""
    from countries.models import CountryPage

    english = CountryPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    names = dict(
        CountryPage.objects.live()
        .filter(locale=Locale.get_active(), translation_key__in=english.values("translation_key"))
        .values_list("translation_key", "title")
    )
    choices = [
        Choice(slug, names.get(key, title), key)
        for slug, title, key in english.values_list("slug", "title", "translation_key")
    ]
    return sorted(choices, key=lambda choice: choice.label.lower())


def language_choices():
    return [Choice(code, endonym(code), code) for code, _name in settings.LANGUAGES]


def access_choices():
    return [Choice(slug, label, field) for slug, field, label in ACCESS_FEATURES]


class Facet:
    """Values stored on a related row (`lookup` ends at the stored value)."""

    def __init__(self, name, label, lookup, choices, many=True, indexed_as=None):
        self.name, self.label, self.lookup = name, label, lookup
        self.load_choices = choices
        self.many = many  # a page may have several values: count distinct pages
        # The ResourcePage FilterField holding the same keys, for a search server.
        self.indexed_as = indexed_as

    def apply(self, queryset, keys):
        """search.query.search_pages() narrows with this where the engine runs SQL."""
        return self.filter(queryset, keys)

    def index_filter(self, keys):
        """...and with this on a search server, whose index holds the keys."""
        return IndexFilter(((resource_model(), self.indexed_as),), tuple(str(k) for k in keys))

    def index_counts(self, results):
        """counts() from a search server's aggregation, keyed as counts() keys."""
        counted = results.index_facet((resource_model(), self.indexed_as))
        keys = {str(choice.key): choice.key for choice in self.load_choices()}
        return {keys[key]: n for key, n in counted.items() if key in keys}

    def filter(self, queryset, keys):
        condition = {f"{self.lookup}__in": keys}
        if not self.many:
            return queryset.filter(**condition)
        # A subquery, not a join, so a page matching two values is listed once.
        return queryset.filter(pk__in=queryset.model.objects.filter(**condition).values("pk"))

    def counts(self, queryset):
        rows = (
            queryset.order_by()
            .values(self.lookup)
            .annotate(n=Count("pk", distinct=self.many))
            .values_list(self.lookup, "n")
        )
        return dict(rows)


class AccessFacet(Facet):
    """Accessibility features are boolean fields: OR of the selected ones."""

    def filter(self, queryset, keys):
        condition = Q()
        for field in keys:
            condition |= Q(**{field: True})
        return queryset.filter(condition)

    def counts(self, queryset):
        return queryset.order_by().aggregate(
            **{field: Count("pk", filter=Q(**{field: True})) for field in self.feature_fields}
        )

    def index_filter(self, keys):
        return None  # boolean FilterFields: filter() translates to the index as it is

    def index_counts(self, results):
        counted = results.index_facets(
            {field: [(resource_model(), field)] for field in self.feature_fields}
        )
        # Elasticsearch keys a boolean's buckets 1 and 0.
        return {field: counted[field].get(1, 0) for field in self.feature_fields}

    @property
    def feature_fields(self):
        return [field for _slug, field, _label in ACCESS_FEATURES]


FACETS = [
    Facet(
        "type",
        _("Type"),
        "resource_type__translation_key",
        lambda: taxonomy_choices(ResourceType),
        many=False,
        indexed_as="type_key",
    ),
    Facet(
        "topic",
        _("Topic"),
        "topics__translation_key",
        lambda: taxonomy_choices(Topic),
        indexed_as="topic_keys",
    ),
    Facet(
        "audience",
        _("Audience"),
        "audiences__translation_key",
        lambda: taxonomy_choices(Audience),
        indexed_as="audience_keys",
    ),
    Facet(
        "country",
        _("Country"),
        "countries__translation_key",
        country_choices,
        indexed_as="country_keys",
    ),
    Facet(
        "language",
        _("Language"),
        "available_languages__language",
        language_choices,
        indexed_as="language_codes",
    ),
    AccessFacet("access", _("Accessibility"), None, access_choices),
]
