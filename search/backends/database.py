"""Wagtail's database backend, made language-aware. Set as BACKEND in settings.

Wagtail picks PostgreSQL full-text search or SQLite FTS5 from the database in use; this
module does the same and swaps in the subclasses that read each object's locale. One
backend and one index table for every language (Wagtail issue 9253 is why not one
backend per language: they would overwrite each other's rows).
"""

from wagtail.search.backends import database as wagtail_database


def SearchBackend(params):  # noqa: N802 (Wagtail looks up this name)
    params = dict(params)
    languages = params.pop("LANGUAGES", None)
    backend = wagtail_database.SearchBackend(params)
    vendor_class = type(backend).__name__
    # Each vendor's module is imported only on its database: the PostgreSQL one needs
    # psycopg and django.contrib.postgres, which a SQLite install may lack. No cycle.
    if vendor_class == "PostgresSearchBackend":
        from .postgres import LocalePostgresSearchBackend

        return LocalePostgresSearchBackend(params, languages)
    if vendor_class == "SQLiteSearchBackend":
        from .sqlite import StemmingSQLiteSearchBackend

        return StemmingSQLiteSearchBackend(params, languages)
    return backend
