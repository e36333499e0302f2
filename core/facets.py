"""The one facet mechanism of the portal's listings: the resource library, the stories
listing, the events listing and the site search declare their facets with it (a filter
form subclasses `FacetsForm`).

A facet is one GET parameter (`name`) whose values are Choices: the slug in the URL,
the label in the visitor's language, the key as stored. Taxonomy keys are translation
keys, so a page tagged with a term not yet translated still matches (docs/i18n.md).
Values of one facet combine with OR, facets with AND. A facet counts its values in
the database (`counts`) or from a search server's aggregations (`index_counts`).

Models are passed in, never imported here: the core imports no app of the project.
"""

from dataclasses import dataclass

from django import forms
from django.apps import apps
from django.db.models import Count, Exists, OuterRef, Q

from core import fragments, i18n, locales


@dataclass(frozen=True)
class Choice:
    slug: str  # in the URL, the same in every language
    label: str  # in the visitor's language
    key: object  # what the database stores


@dataclass(frozen=True)
class IndexFilter:
    """Keep the pages that hold one of `values` in a FilterField named in `targets`,
    ((model, field name), ...), models being page subclasses: how a search server
    narrows on a value only its index holds (a resource's or a story's topic keys)."""

    targets: tuple
    values: tuple


def resolve(model):
    """A model, or the model named by an "app_label.ModelName" label."""
    return apps.get_model(model) if isinstance(model, str) else model


def taxonomy_choices(model):
    """The terms of a TranslatableMixin `model` (slug, name) in the default and active
    locales, labelled in the active language where translated, keyed by translation
    key: one query, none while public content is unchanged (core/fragments.py)."""
    return fragments.cached(
        "terms", lambda: _taxonomy_choices(model), model._meta.label, i18n.active_language()
    )


def _taxonomy_choices(model):
    active, default = locales.active(), locales.default()
    terms = {}
    for term in model.objects.filter(locale_id__in={active.pk, default.pk}).order_by("pk"):
        seen = terms.get(term.translation_key)
        if seen is None or term.locale_id == active.pk:
            slug = seen.slug if seen else term.slug
            terms[term.translation_key] = Choice(slug, term.name, term.translation_key)
    return by_label(terms.values())


def by_label(choices):
    return sorted(choices, key=lambda choice: str(choice.label).casefold())


class Facet:
    """Values stored at `lookup` (`topics__translation_key`) from the listed model.

    `choices`: a callable returning the Choices, loaded once per request by the form.
    `many`: a page may hold several values (a join), so pages are counted distinct.
    `narrow`: a queryset method doing the filter instead, `narrow(queryset, keys)`.
    `index`: the ((model, FilterField), ...) holding the same keys in a search server's
    index, where filter and counts then run. A model may be named by its label
    ("resources.ResourcePage"), as Django's relations do, so a facet table can be
    declared before its model's module is loaded (the home page's module loads the
    library's facets first).
    """

    def __init__(self, name, label, lookup, choices, *, many=True, narrow=None, index=None):
        self.name, self.label, self.lookup = name, label, lookup
        self.load_choices = choices
        self.many = many
        self.narrow = narrow
        self.index = index

    @property
    def param(self):
        """The GET parameter: the facet's name."""
        return self.name

    def apply(self, queryset, keys):
        """search.query.search_pages() narrows with this where the engine runs SQL."""
        return self.filter(queryset, keys)

    def filter(self, queryset, keys):
        if self.narrow is not None:
            return self.narrow(queryset, keys)
        condition = {f"{self.lookup}__in": keys}
        if not self.many:
            return queryset.filter(**condition)
        # A subquery, not a join, so a page matching two values is listed once. EXISTS,
        # not IN: SQLite then looks up each candidate page in the join table's index
        # rather than listing every page with the value (7.5 to 0.6 ms for the library's
        # three facets at 10,000 resources); PostgreSQL plans both as a semi-join.
        matching = queryset.model.objects.filter(pk=OuterRef("pk"), **condition)
        return queryset.filter(Exists(matching))

    def counts(self, queryset):
        """{key: number of pages} over `queryset`."""
        rows = (
            queryset.order_by()
            .values(self.lookup)
            .annotate(n=Count("pk", distinct=self.many))
            .values_list(self.lookup, "n")
        )
        return {key: n for key, n in rows if key is not None}

    def index_targets(self):
        return tuple((resolve(model), field) for model, field in self.index or ())

    def index_filter(self, keys):
        """...and with this on a search server; None: filter() translates as it is."""
        if self.index is None:
            return None
        return IndexFilter(self.index_targets(), tuple(str(key) for key in keys))

    def index_counts(self, results):
        """counts() from a search server's aggregation, keyed as counts() keys."""
        return self.known(results.index_facet(*self.index_targets()))

    def known(self, counted):
        """Aggregation buckets (keyed as text or numbers) keyed by the choices' keys."""
        keys = {str(choice.key): choice.key for choice in self.load_choices()}
        return {keys[str(key)]: n for key, n in counted.items() if str(key) in keys}


class FieldFacet(Facet):
    """A FilterField of the searched model itself (a page's type or locale): a search
    server filters on it as the database does, and counts it by its own name."""

    def __init__(self, name, label, lookup, choices):
        super().__init__(name, label, lookup, choices, many=False)

    def index_counts(self, results):
        return self.known(results.facet(self.lookup))


class BooleanFieldsFacet(Facet):
    """One boolean field per value (a resource's accessibility features, the objectives
    a story advances): each choice's key is a field name; selected ones combine with OR.
    `index_model` (a model or its label) holds the fields as FilterFields in an index."""

    def __init__(self, name, label, choices, *, index_model=None):
        super().__init__(name, label, None, choices)
        self.index_model = index_model

    @property
    def fields(self):
        return [choice.key for choice in self.load_choices()]

    def filter(self, queryset, keys):
        condition = Q()
        for field in keys:
            condition |= Q(**{field: True})
        return queryset.filter(condition)

    def counts(self, queryset):
        return queryset.order_by().aggregate(
            **{field: Count("pk", filter=Q(**{field: True})) for field in self.fields}
        )

    def index_filter(self, keys):
        return None  # boolean FilterFields: filter() translates to the index as it is

    def index_counts(self, results):
        model = resolve(self.index_model)
        counted = results.index_facets({field: [(model, field)] for field in self.fields})
        # Elasticsearch keys a boolean's buckets 1 and 0.
        return {field: counted[field].get(1, 0) for field in self.fields}


def chosen(facets, selected, skip=None):
    """[(facet, keys)] for the facets with selected keys, except `skip`: what
    search.query.search_pages() takes as `facets`. `selected`: {name: [keys]}."""
    return [
        (facet, selected[facet.name])
        for facet in facets
        if selected.get(facet.name) and facet.name != skip
    ]


def narrow(queryset, pairs):
    """`queryset` under each (facet, keys) of `pairs`, as chosen() gives: AND across."""
    for facet, keys in pairs:
        queryset = facet.filter(queryset, keys)
    return queryset


def counts_under_other_filters(facets, selected, count):
    """{facet name: counts} with each facet counted under every other facet's filter
    but not its own, so ticking a value leaves its siblings on offer. `count(facet,
    others)` counts `facet` under `others`, [(facet, keys)]: in the database (below),
    or a search with those filters and index_counts() on a search server."""
    return {facet.name: count(facet, chosen(facets, selected, skip=facet.name)) for facet in facets}


def counts_in_database(queryset, facets, selected):
    """counts_under_other_filters() over `queryset`, already narrowed by anything that
    is not a facet (the words searched, the years)."""
    return counts_under_other_filters(
        facets, selected, lambda facet, others: facet.counts(narrow(queryset, others))
    )


def options(choices, counts, selected):
    """[{slug, label, count, checked}] for the choices that have results, in the order
    of `choices`; a selected one stays listed so it can be unticked."""
    return [
        {
            "slug": choice.slug,
            "label": choice.label,
            "count": counts.get(choice.key, 0),
            "checked": choice in selected,
        }
        for choice in choices
        if counts.get(choice.key) or choice in selected
    ]


def selected_keys(filters, facets):
    """{facet name: [keys]} from cleaned filters holding lists of Choices."""
    return {
        facet.name: [choice.key for choice in filters[facet.name]]
        for facet in facets
        if filters.get(facet.name)
    }


class FacetField(forms.MultipleChoiceField):
    """Ticks of a facet's values; cleans to the selected Choices rather than slugs."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, facet_choices, **kwargs):
        self.by_slug = {str(choice.slug): choice for choice in facet_choices}
        menu = [(c.slug, c.label) for c in facet_choices]
        # Given as a callable, the choices are normalised only if the widget is drawn:
        # listings draw their checkboxes with counts (`facet_checkboxes`), and Django's
        # normalising of every facet's choices was a tenth of a millisecond per form.
        super().__init__(choices=lambda: menu, **kwargs)

    def valid_value(self, value):
        return str(value) in self.by_slug

    def clean(self, value):
        return [self.by_slug[slug] for slug in super().clean(value)]


class FacetsForm(forms.Form):
    """A listing's GET form: after its own fields, a FacetField for each of the
    subclass's `facets`, whose choices are loaded once per form (one query each)."""

    facets = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for facet in self.facets:
            self.fields[facet.name] = FacetField(
                label=facet.label, facet_choices=facet.load_choices(), required=False
            )

    def facet_choices(self, name):
        return self.fields[name].by_slug.values()


class SingleFacetField(forms.ChoiceField):
    """One value of a facet from a menu; cleans to a list of that one Choice, as
    FacetField does, so both feed the same facets."""

    def __init__(self, *, facet_choices, empty_label, **kwargs):
        self.by_slug = {choice.slug: choice for choice in facet_choices}
        self.empty_label = empty_label
        super().__init__(choices=self.menu(facet_choices), **kwargs)

    def menu(self, choices, counts=None):
        """The menu: "any" first, then each choice, with its count when given."""
        return [("", self.empty_label)] + [
            (c.slug, f"{c.label} ({counts[c.key]})" if counts else c.label) for c in choices
        ]

    def clean(self, value):
        slug = super().clean(value)
        return [self.by_slug[slug]] if slug else []
