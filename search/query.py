"""The one search function the site search and the resource library both call.

Whatever a person types is turned into words and quoted phrases before any engine sees
it: operators (`AND`, `NEAR(`, `*`, `-`, brackets), control characters and stray quotes
become plain spaces, so no engine's query syntax can be triggered by accident.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, Phrase, PlainText

from core.facets import IndexFilter as IndexFilter  # defined in the core, for the facets
from core.i18n import active_language, with_locale_fallback
from search.analysis import all_language_codes

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# A search server's results are not a queryset; search_queryset() keeps this many.
MAX_RANKED_HITS = 1000
PHRASE = re.compile(r'"([^"]*)"')
SHORTENED = _("Your search was long, so we used only its first words.")


@dataclass
class CleanQuery:
    text: str = ""  # what the person typed, made safe to show and to log
    terms: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    shortened: bool = False

    def __bool__(self):
        return bool(self.terms or self.phrases)

    def as_search_query(self, operator="and"):
        parts = [Phrase(phrase) for phrase in self.phrases]
        if self.terms:
            parts.append(PlainText(" ".join(self.terms), operator=operator))
        if len(parts) == 1:
            return parts[0]
        return And(parts) if operator == "and" else Or(parts)


def _words(text):
    """Letters, marks (Devanagari and Arabic vowel signs) and digits; anything else is a
    word boundary."""
    kept = (ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in text)
    return "".join(kept).split()


def clean_query(raw):
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    text = " ".join(text.split())
    shortened = len(text) > MAX_QUERY_LENGTH
    if shortened:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0]
    phrases = [" ".join(_words(p)) for p in PHRASE.findall(text)]
    phrases = [p for p in phrases if p]
    terms = _words(PHRASE.sub(" ", text))
    budget = MAX_TERMS
    kept_phrases = []
    for phrase in phrases:
        size = len(phrase.split())
        if size <= budget:
            kept_phrases.append(phrase)
            budget -= size
    shortened = shortened or len(kept_phrases) < len(phrases) or len(terms) > budget
    return CleanQuery(text, terms[: max(budget, 0)], kept_phrases, shortened)


def locale_id(language_code):
    return Locale.objects.filter(language_code=language_code).values_list("pk", flat=True).first()


def scope_queryset(queryset, language_code, scope, backend):
    """Returns (queryset, languages searched). `locale`: the language's own pages.
    `fallback`: also the English pages not yet translated into it, as listings show
    them. `all`: every language (languages None)."""
    if scope == "all":
        return queryset, None
    default = settings.LANGUAGE_CODE
    own = locale_id(language_code)
    if scope != "fallback" or language_code == default:
        return queryset.filter(locale_id=own), (language_code,)
    if getattr(backend, "applies_queryset_sql", False):
        return with_locale_fallback(queryset, language_code), (language_code, default)
    # A search server cannot run the subquery; send it the translated keys instead.
    source = locale_id(default)
    # As with_locale_fallback: a draft or an alias does not stand in for the English page.
    translated = list(
        queryset.model.objects.filter(locale_id=own, live=True, alias_of__isnull=True).values_list(
            "translation_key", flat=True
        )
    )
    scoped = queryset.filter(locale_id__in=[own, source]).exclude(
        locale_id=source, translation_key__in=translated
    )
    return scoped, (language_code, default)


def runs_in_sql():
    """Whether the configured backend runs searches as SQL over the queryset (the
    database backends) rather than on a search server's index."""
    return getattr(get_search_backend("default"), "applies_queryset_sql", False)


def search_pages(
    queryset,
    query,
    language_code=None,
    *,
    scope="locale",
    operator="and",
    facets=(),
    ranked=True,
):
    """Search `queryset` (live pages, say) for `query`, a CleanQuery or raw text.

    `facets`: (facet, keys) pairs chosen by the visitor (core/facets.py: the library's,
    the site search's). The database backends filter them in SQL; a
    search server on its index where the facet gives an index_filter(). `ranked=False`
    keeps the queryset's order (its fields must be FilterFields).
    Returns (results, clean): `results` is a lazy, sliceable Wagtail SearchResults
    (page it with Django's Paginator) or None when nothing searchable was typed.
    """
    clean = query if isinstance(query, CleanQuery) else clean_query(query)
    if not clean:
        return None, clean
    language = language_code or active_language()
    probe = get_search_backend("default", LANGUAGES=(language,))
    in_sql = getattr(probe, "applies_queryset_sql", False)
    index_filters = []
    for facet, key in facets:
        index_filter = None if in_sql else facet.index_filter(key)
        if index_filter:
            index_filters.append(index_filter)
        else:
            queryset = facet.apply(queryset, key)
    scoped, languages = scope_queryset(queryset, language, scope, probe)
    backend = (
        probe
        if languages == (language,)
        else get_search_backend("default", LANGUAGES=languages or tuple(all_language_codes()))
    )
    results = backend.search(clean.as_search_query(operator), scoped, order_by_relevance=ranked)
    if index_filters:
        results = results.narrow(index_filters)
    return results, clean


def search_queryset(queryset, query, language_code=None, *, scope="locale", operator="and"):
    """search_pages() as a queryset, best match first, for callers that keep filtering and
    counting in the database (the library's facets). Returns (queryset, clean); the
    queryset is unchanged when nothing searchable was typed."""
    results, clean = search_pages(queryset, query, language_code, scope=scope, operator=operator)
    if results is None:
        return queryset, clean
    if hasattr(results, "get_queryset"):  # the database backends
        return results.get_queryset(), clean
    hits = [hit.pk for hit in results[:MAX_RANKED_HITS]]
    return queryset.filter(pk__in=hits), clean


def autocomplete_pages(queryset, query, language_code=None, limit=8):
    """Pages of the language whose autocomplete fields (titles) start with what was
    typed; the last word may be unfinished."""
    clean = query if isinstance(query, CleanQuery) else clean_query(query)
    words = " ".join(clean.phrases + clean.terms)
    if not words:
        return []
    language = language_code or active_language()
    backend = get_search_backend("default", LANGUAGES=(language,))
    scoped = queryset.filter(locale_id=locale_id(language))
    return list(backend.autocomplete(words, scoped)[:limit])
