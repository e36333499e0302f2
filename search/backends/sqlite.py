"""SQLite FTS5 with stemming done in Python, at query time.

Wagtail's FTS5 table uses the `unicode61` tokenizer: case and accents folded, no
stemming in any language. So each query word is expanded to itself OR its Snowball
stem as a prefix (`formations` -> `"formations" OR "format"*`; `support` ->
`"support" OR "support"*`, which finds `supporting`), using the stemmer of every language
searched. Recall matches PostgreSQL's stemming for suffix-inflected
languages; precision is a little lower (`"derech"*` also finds `derecha`).
"""

import snowballstemmer
from wagtail.search.backends.database.sqlite.query import (
    LexemeCombinable,
    SearchQueryExpression,
    SearchQueryField,
)
from wagtail.search.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from wagtail.search.query import PlainText

from search.analysis import all_language_codes, analysis_for

from .routing import DatabaseFiltersMixin, is_indexable

# Shorter stems would match too much as prefixes ("art"* finds "article").
MIN_STEM_LENGTH = 4


def fts_string(text):
    """An FTS5 string literal: double quotes inside are doubled, so any text is safe."""
    return '"' + text.replace('"', '""') + '"'


class MatchString(LexemeCombinable):
    """A ready-made FTS5 query fragment, passed through as one SQL parameter."""

    def __init__(self, value):
        super().__init__(output_field=SearchQueryField())
        self.value = value

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


class IndexableSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        super().add_items(model, [obj for obj in objs if is_indexable(obj)])


class StemmingSQLiteSearchQueryCompiler(DatabaseFiltersMixin, SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText) and config:
            terms = query.query_string.split()
            if terms:
                joiner = " AND " if query.operator.lower() == "and" else " OR "
                groups = [self._term_group(term, config) for term in terms]
                return SearchQueryExpression(MatchString("(" + joiner.join(groups) + ")"))
        return super().build_search_query_content(query, config=config)

    def _term_group(self, term, stemmers):
        word = term.lower()
        alternatives = [fts_string(word)]
        for stemmer in stemmers:
            stem = stemmer.stemWord(word)
            if len(stem) >= MIN_STEM_LENGTH:
                alternatives.append(fts_string(stem) + "*")
        return "(" + " OR ".join(dict.fromkeys(alternatives)) + ")"


class StemmingSQLiteAutocompleteQueryCompiler(
    DatabaseFiltersMixin, SQLiteAutocompleteQueryCompiler
):
    pass


class StemmingSQLiteSearchBackend(SQLiteSearchBackend):
    applies_queryset_sql = True  # see search.query.scope_queryset
    query_compiler_class = StemmingSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = StemmingSQLiteAutocompleteQueryCompiler
    index_class = IndexableSQLiteIndex

    def __init__(self, params, languages=None):
        super().__init__(params)
        names = {analysis_for(code).snowball for code in languages or all_language_codes()}
        self.config = tuple(snowballstemmer.stemmer(name) for name in sorted(names - {None}))
