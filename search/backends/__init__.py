"""Search backends that know the language of what they index and of what they search.

Every backend here takes an extra `LANGUAGES` option: the language codes a search runs
in (None: every language). `search.query.search_pages` creates one per search with
`get_search_backend("default", LANGUAGES=...)`; Wagtail's own indexing uses the
configured default, which routes each object by its locale.
"""
