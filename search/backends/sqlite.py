"""SQLite FTS5 with stemming done in Python, at query time.

Wagtail's FTS5 table uses the `unicode61` tokenizer: case and accents folded, no
stemming in any language. So each query word is expanded to itself OR its Snowball
stem as a prefix (`formations` -> `"formations" OR "format"*`; `support` ->
`"support" OR "support"*`, which finds `supporting`), using the stemmer of every language
searched. Recall matches PostgreSQL's stemming for suffix-inflected
languages; precision is a little lower (`"derech"*` also finds `derecha`).
"""

import snowballstemmer
from django.db.models import Case, CharField, FloatField, Func, IntegerField, Value, When
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from wagtail.search.backends.database.sqlite.query import (
    LexemeCombinable,
    MatchExpression,
    SearchQueryExpression,
    SearchQueryField,
    SQLiteFTSIndexEntry,
    normalize,
)
from wagtail.search.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from wagtail.search.index import SearchField
from wagtail.search.query import And, Or, Phrase, PlainText
from wagtail.search.utils import get_content_type_pk, get_descendants_content_types_pks

from search.analysis import MIN_STEM_LENGTH, all_language_codes, analysis_for
from search.boosts import is_boosted

from .routing import DatabaseFiltersMixin, is_indexable

FTS_TABLE = SQLiteFTSIndexEntry._meta.db_table
RANKABLE = (PlainText, Phrase, And, Or)  # queries without a negation


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


class BoostedObjectIndexer(ObjectIndexer):
    """FTS5 has a weight per column, not per field: boosted fields (the summary) go to
    the title column, weighted above the body in bm25()."""

    def _texts(self, boosted):
        return " ".join(
            value
            for field in self.search_fields
            for current, value in self.prepare_field(self.obj, field)
            if isinstance(current, SearchField)
            and (current.field_name == "title" or is_boosted(current)) == boosted
        )

    @cached_property
    def title(self):
        return self._texts(boosted=True)

    @cached_property
    def body(self):
        return self._texts(boosted=False)


class IndexableSQLiteIndex(SQLiteIndex):
    """SQLiteIndex.add_items with BoostedObjectIndexer (Wagtail names its indexer class
    inside the method) and without aliases."""

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        rows = {}
        for obj in objs:
            if is_indexable(obj):
                indexer = BoostedObjectIndexer(obj, self.backend)
                rows[indexer.id] = {
                    "title": indexer.title,
                    "autocomplete": indexer.autocomplete,
                    "body": indexer.body,
                }
        if not rows:
            return
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        indexed = set(entries.filter(object_id__in=rows).values_list("object_id", flat=True))
        for object_id in indexed:
            entries.filter(object_id=object_id).update(**rows[object_id])
        content_type_id = get_content_type_pk(model)
        self.entries.bulk_create(
            self.entries.model(content_type_id=content_type_id, object_id=object_id, **row)
            for object_id, row in rows.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class RankedSQLiteSearchMixin:
    """Ranks a page of results in one pass over the full-text index.

    Wagtail's SQLite compiler orders by a correlated subquery that runs the full-text
    match again for every matching row: seconds once a word matches a few thousand
    pages. For a slice of results (what a results page asks for) this asks FTS5 once
    for the best `stop - start` entries among the allowed objects, ordered by bm25()
    with the title weighted twice the body, then loads those objects. Counting and
    facets keep Wagtail's query: they do not order, and Django drops the ordering.

    Wagtail also multiplies by a title-length norm; here the title column holds the
    summary too, so that norm would rank a page lower for having a summary. bm25()
    already normalises each column by its length.
    """

    # bm25() weights of the FTS columns: autocomplete, body, title.
    BM25_WEIGHTS = (0.0, 1.0, 2.0)

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if stop is None or not self.order_by_relevance or not isinstance(query, RANKABLE):
            return super().search(config, start, stop, score_field=score_field)
        model = self.queryset.model
        allowed = self.queryset.annotate(_object_id=Cast("pk", output_field=CharField())).values(
            "_object_id"
        )
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        ranked = list(
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type_id__in=get_descendants_content_types_pks(model),
                index_entry__object_id__in=allowed,
            )
            .annotate(score=WeightedBM25(self.BM25_WEIGHTS))
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", "score")[start:stop]
        )
        pks = [model._meta.pk.to_python(object_id) for object_id, _ in ranked]
        position = Case(
            *[When(pk=pk, then=Value(i)) for i, pk in enumerate(pks)], output_field=IntegerField()
        )
        queryset = self.queryset.filter(pk__in=pks).annotate(_rank=position).order_by("_rank")
        if score_field:
            scores = [
                When(pk=pk, then=Value(score)) for pk, (_, score) in zip(pks, ranked, strict=True)
            ]
            queryset = queryset.annotate(**{score_field: Case(*scores, output_field=FloatField())})
        return queryset


class WeightedBM25(Func):
    """bm25() with a weight per FTS column: lower is better."""

    output_field = FloatField()

    def __init__(self, weights):
        super().__init__()
        self.weights = weights

    def as_sql(self, compiler, connection, **extra):
        return f"bm25({FTS_TABLE}, {', '.join(str(float(w)) for w in self.weights)})", []


class StemmingSQLiteSearchQueryCompiler(
    DatabaseFiltersMixin, RankedSQLiteSearchMixin, SQLiteSearchQueryCompiler
):
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
    DatabaseFiltersMixin, RankedSQLiteSearchMixin, SQLiteAutocompleteQueryCompiler
):
    BM25_WEIGHTS = (1.0, 0.0, 0.0)


class StemmingSQLiteSearchBackend(SQLiteSearchBackend):
    applies_queryset_sql = True  # see search.query.scope_queryset
    query_compiler_class = StemmingSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = StemmingSQLiteAutocompleteQueryCompiler
    index_class = IndexableSQLiteIndex

    def __init__(self, params, languages=None):
        super().__init__(params)
        names = {analysis_for(code).snowball for code in languages or all_language_codes()}
        self.config = tuple(snowballstemmer.stemmer(name) for name in sorted(names - {None}))
