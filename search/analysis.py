"""How each portal language is analysed by each search engine, in one table.

PostgreSQL and Elasticsearch stem with their built-in configurations; SQLite's FTS5 has
no stemmer per language, so the portal stems the query in Python with the same Snowball
algorithms PostgreSQL uses (see search/backends/sqlite.py). `None` means "no stemmer":
the engine matches whole words only (docs/search.md lists the consequences).
"""

from dataclasses import dataclass

from django.conf import settings

# Shorter stems would match too much as prefixes ("art"* finds "article").
MIN_STEM_LENGTH = 4


@dataclass(frozen=True)
class Analysis:
    postgres: str  # a PostgreSQL text-search configuration (`\dF`)
    snowball: str | None  # a snowballstemmer algorithm, for SQLite
    elasticsearch: str  # a built-in Elasticsearch analyzer


SIMPLE = Analysis("simple", None, "standard")

ANALYSIS = {
    "en": Analysis("english", "english", "english"),
    "ar": Analysis("arabic", "arabic", "arabic"),
    "hy": Analysis("armenian", "armenian", "armenian"),
    "bn": Analysis("simple", None, "bengali"),
    "bs": SIMPLE,
    "zh-hans": Analysis("simple", None, "cjk"),
    "hr": SIMPLE,
    "cs": Analysis("simple", "czech", "czech"),
    "et": Analysis("simple", "estonian", "standard"),
    "fil": SIMPLE,
    "fr": Analysis("french", "french", "french"),
    "id": Analysis("indonesian", "indonesian", "indonesian"),
    "it": Analysis("italian", "italian", "italian"),
    "ne": Analysis("nepali", "nepali", "standard"),
    "pl": Analysis("simple", "polish", "standard"),
    "ru": Analysis("russian", "russian", "russian"),
    "es": Analysis("spanish", "spanish", "spanish"),
    "tr": Analysis("turkish", "turkish", "turkish"),
    "uk": SIMPLE,
}


def analysis_for(language_code):
    return ANALYSIS.get(language_code, SIMPLE)


def all_language_codes():
    return [code for code, _ in settings.LANGUAGES]


def postgres_configs(language_codes):
    """The distinct configurations for these languages, in a stable order."""
    return tuple(dict.fromkeys(analysis_for(code).postgres for code in language_codes))
