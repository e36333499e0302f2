"""The library's one call to the search backend. The site-wide search issue will
generalise it; until then it stays this small."""

import re

# The database backends hand the words to SQLite FTS5 or PostgreSQL tsquery, where
# quotes, `*`, `-`, `(` and bare operators are syntax. People type words, so keep words.
_NOT_A_WORD = re.compile(r"[^\w]+")
_OPERATORS = {"and", "or", "not", "near"}
MAX_QUERY_LENGTH = 200
# Elasticsearch results are not a queryset; the library then ranks at most this many.
MAX_RANKED_HITS = 1000


def clean_query(text):
    words = _NOT_A_WORD.sub(" ", text[:MAX_QUERY_LENGTH]).split()
    return " ".join(word for word in words if word.lower() not in _OPERATORS)


def search(queryset, text):
    """`queryset` narrowed to what matches `text`, best match first. Stays a lazy
    queryset so the facets can still count in the database."""
    query = clean_query(text)
    if not query:
        return queryset
    results = queryset.search(query, operator="and")
    if hasattr(results, "get_queryset"):  # the database backends
        return results.get_queryset()
    return queryset.filter(pk__in=[hit.pk for hit in results[:MAX_RANKED_HITS]])
