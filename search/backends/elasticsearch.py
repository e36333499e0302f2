"""Elasticsearch 9 with one index per language, each analysed by its language.

Set as BACKEND when ELASTICSEARCH_URL is set. Translatable models (pages) get an index
per portal language, `<prefix><language>_<app>_<model>`, whose default analyzer is the
language's built-in one (`french`, `arabic`, `cjk`...; `standard` where Elasticsearch
has none). A page is written to its locale's index; a search reads the indices of the
languages searched (one, or all of them as a comma-separated list). Models without a
locale (images, documents) keep Wagtail's single index.

Facets are terms aggregations over every hit (search/facets.py). A facet value may live
only in the index, on a page subclass (a resource's topic keys): `narrow()` filters on
it and `index_facet()` counts it, from searches over all pages.
"""

from collections import Counter, defaultdict
from copy import deepcopy

from modelsearch.backends.base import FilterFieldError, get_model_root
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Index,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)
from wagtail.search.backends.elasticsearch9 import Elasticsearch9SearchBackend

from search.analysis import all_language_codes, analysis_for

from .routing import is_indexable, language_of, locale_languages


class LanguageIndex(Elasticsearch9Index):
    def __init__(self, backend, name, language_code):
        super().__init__(backend, name)
        self.language_code = language_code
        self.settings = deepcopy(backend.settings)
        analyzers = self.settings["settings"]["analysis"]["analyzer"]
        analyzers["default"] = {"type": analysis_for(language_code).elasticsearch}

    def put(self):
        self.es.indices.create(index=self.name, **self.settings)


class LanguageRoutedIndex:
    """Stands for the per-language indices of one model tree. Writes go to the index of
    each object's language; `name` lists the indices a search reads."""

    def __init__(self, backend, base_name, searched):
        self.backend = backend
        self.base_name = base_name
        self.indexes = {
            code: LanguageIndex(backend, f"{backend.index_prefix}{code}_{base_name}", code)
            for code in all_language_codes()
        }
        self.name = ",".join(self.indexes[code].name for code in searched)

    def _each(self, method, *args):
        for index in self.indexes.values():
            getattr(index, method)(*args)

    def put(self):
        self._each("put")

    def delete(self):
        self._each("delete")

    def reset(self):
        self._each("reset")

    def refresh(self):
        self._each("refresh")

    def add_model(self, model):
        self._each("add_model", model)

    def exists(self):
        return all(index.exists() for index in self.indexes.values())

    def _route(self, items):
        languages = locale_languages()
        groups = defaultdict(list)
        for item in items:
            code = language_of(item, languages)
            if is_indexable(item) and code in self.indexes:
                groups[code].append(item)
        return groups

    def add_item(self, item):
        self.add_items(type(item), [item])

    def add_items(self, model, items):
        for code, group in self._route(items).items():
            self.indexes[code].add_items(model, group)

    def delete_item(self, item):
        # An object may have moved locale since it was indexed: delete it everywhere.
        self._each("delete_item", item)

    def get_key(self):
        return self.base_name

    def __str__(self):
        return self.name


# Wagtail's facet() asks for Elasticsearch's default of 10 buckets: 19 languages or
# 40 topics would be cut short.
MAX_FACET_VALUES = 500


def index_column(mapping_class, model, attname):
    """The index's name for a FilterField of `model` (by attname, `content_type_id`, as
    Wagtail's facet() takes it); the model may be a page subclass:
    `resources_resourcepage__topic_keys_filter`."""
    for field in model.get_filterable_search_fields():
        if field.get_attname(model) == attname:
            return mapping_class(model).get_field_column_name(field)
    raise FilterFieldError(
        f"{model.__name__}.search_fields has no FilterField {attname!r}", field_name=attname
    )


class IndexFilteringQueryCompiler(Elasticsearch9SearchQueryCompiler):
    """Wagtail's query with extra `terms` filters on indexed fields (IndexFilter)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.index_filters = []

    def get_filters(self):
        filters = super().get_filters()
        for wanted in self.index_filters:
            terms = [
                {"terms": {index_column(self.mapping_class, model, field): list(wanted.values)}}
                for model, field in wanted.targets
            ]
            filters.append(terms[0] if len(terms) == 1 else {"bool": {"should": terms}})
        return filters


class FacetedSearchResults(Elasticsearch9SearchResults):
    def narrow(self, index_filters):
        """Keep hits whose indexed field holds one of the values of each filter (before
        any result is fetched: the query is shared with slices of these results)."""
        self.query_compiler.index_filters.extend(index_filters)
        return self

    def facet(self, field_name):
        return self.index_facet((self.query_compiler.queryset.model, field_name))

    def index_facet(self, *targets):
        """{value: number of hits} from terms aggregations over every hit, one per
        (model, field name) target, added up: a field may belong to a subclass of the
        searched model, and two subclasses may each hold the same kind of value."""
        return self.index_facets({"counts": targets})["counts"]

    def index_facets(self, groups):
        """index_facet() for each of {name: targets}, in one request."""
        mapping_class = self.query_compiler.mapping_class
        columns = {
            name: [index_column(mapping_class, model, field) for model, field in targets]
            for name, targets in groups.items()
        }
        body = self._get_es_body(for_count=True)
        body["aggregations"] = {
            column: {"terms": {"field": column, "size": MAX_FACET_VALUES}}
            for group in columns.values()
            for column in group
        }
        index = self.backend.get_index_for_model(self.query_compiler.queryset.model).name
        response = self._backend_do_search(body, index=index, size=0)
        counted = {}
        for name, group in columns.items():
            counts = Counter()
            for column in group:
                for bucket in response["aggregations"][column]["buckets"]:
                    counts[bucket["key"]] += bucket["doc_count"]
            counted[name] = dict(counts.most_common())
        return counted


class LocaleElasticsearchBackend(Elasticsearch9SearchBackend):
    query_compiler_class = IndexFilteringQueryCompiler
    results_class = FacetedSearchResults

    def __init__(self, params):
        params = dict(params)
        languages = params.pop("LANGUAGES", None)
        # Atomic rebuilds swap one alias per index; with an index per language a rebuild
        # resets each language index in place instead.
        params["ATOMIC_REBUILD"] = False
        super().__init__(params)
        self.languages = tuple(languages or all_language_codes())

    def get_index_for_model(self, model):
        root = get_model_root(model)
        if not any(field.name == "locale" for field in root._meta.get_fields()):
            return super().get_index_for_model(model)
        base_name = f"{root._meta.app_label.lower()}_{root.__name__.lower()}"
        return LanguageRoutedIndex(self, base_name, self.languages)


SearchBackend = LocaleElasticsearchBackend
