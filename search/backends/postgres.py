"""PostgreSQL full-text search with each locale's text-search configuration.

At index time a French page's title and body become tsvectors built with `french`, an
Arabic page's with `arabic`. At search time the query is parsed with the configuration
of every language searched (ORed together), so `formations` meets `formation` in French
and an "all languages" search still stems each language its own way.
"""

import copy
import operator
from collections import defaultdict
from functools import reduce

from wagtail.search.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

from search.analysis import all_language_codes, analysis_for, postgres_configs

from .routing import DatabaseFiltersMixin, is_indexable, language_of, locale_languages


class LocalePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        languages = locale_languages()
        groups = defaultdict(list)
        for obj in objs:
            if is_indexable(obj):
                code = language_of(obj, languages)
                config = analysis_for(code).postgres if code else self.backend.index_config
                groups[config].append(obj)
        for config, group in groups.items():
            # ObjectIndexer reads the configuration from the backend it is given.
            PostgresIndex(self.backend.for_config(config)).add_items(model, group)


class LocalePostgresSearchQueryCompiler(DatabaseFiltersMixin, PostgresSearchQueryCompiler):
    def build_tsquery(self, query, config=None):
        build = super().build_tsquery
        if isinstance(config, tuple):
            return reduce(operator.or_, (build(query, config=c) for c in config))
        return build(query, config=config)


class LocalePostgresAutocompleteQueryCompiler(
    DatabaseFiltersMixin, PostgresAutocompleteQueryCompiler
):
    pass


class LocalePostgresSearchBackend(PostgresSearchBackend):
    applies_queryset_sql = True  # see search.query.scope_queryset
    index_class = LocalePostgresIndex
    query_compiler_class = LocalePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = LocalePostgresAutocompleteQueryCompiler

    def __init__(self, params, languages=None):
        super().__init__(params)
        self.index_config = self.config
        codes = languages or all_language_codes()
        # What queries are parsed with: one configuration per language searched.
        self.config = postgres_configs(codes)
        if languages is None and self.index_config:
            self.config += (self.index_config,)

    def for_config(self, config):
        backend = copy.copy(self)
        backend.config = config
        return backend
