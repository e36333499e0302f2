"""A stand-in for the Elasticsearch client, so the contract tests can build the real
index settings, mappings, documents and query bodies through the backend classes and
assert on what would be sent. tests/test_search_elasticsearch_live.py talks to a real
cluster when ELASTICSEARCH_URL is set."""

from search.backends.elasticsearch import LocaleElasticsearchBackend

ES_SETTINGS = {
    "BACKEND": "search.backends.elasticsearch",
    "URLS": ["http://localhost:9200"],
    "INDEX_PREFIX": "portal_",
    "AUTO_UPDATE": False,
}


class Recorder:
    """Records every call. A search answers with no hits, `count` as the total and, per
    aggregation name, the buckets given in `buckets` ({name: {key: doc_count}}; an
    aggregation not named there gets `aggregation_keys`, one document each)."""

    def __init__(self, aggregation_keys=(), buckets=None, count=0):
        self.calls = []
        self.aggregation_keys = aggregation_keys
        self.buckets = buckets or {}
        self.total = count
        self.indices = self

    def __getattr__(self, method):
        def record(*args, **kwargs):
            self.calls.append((method, kwargs))
            if method == "count":
                return {"count": self.total}
            if method == "search":
                return {
                    "hits": {"hits": [], "total": {"value": self.total}},
                    "aggregations": {
                        name: {"buckets": self.answer(name)}
                        for name in kwargs.get("aggregations", {})
                    },
                }
            return {}

        return record

    def answer(self, name):
        counts = self.buckets.get(name, dict.fromkeys(self.aggregation_keys, 1))
        return [{"key": key, "doc_count": n} for key, n in counts.items()]

    def named(self, method):
        return [kwargs for name, kwargs in self.calls if name == method]


def make_backend(languages=None, recorder=None):
    backend = LocaleElasticsearchBackend(
        {"URLS": ["http://localhost:9200"], "INDEX_PREFIX": "portal_", "LANGUAGES": languages}
    )
    backend.es = recorder or Recorder()
    backend.bulk = lambda es, actions, index: es.calls.append(
        ("bulk", {"index": index, "actions": actions})
    )
    return backend


def use_recorder(settings, monkeypatch, recorder, auto_update=False):
    """Make the configured search backend Elasticsearch, talking to `recorder`; with
    `auto_update`, saving a page indexes it there as it would in production."""
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**ES_SETTINGS, "AUTO_UPDATE": auto_update}}
    original_init = LocaleElasticsearchBackend.__init__

    def init(self, params):
        original_init(self, params)
        self.es = recorder
        self.bulk = lambda es, actions, index: es.calls.append(
            ("bulk", {"index": index, "actions": actions})
        )

    monkeypatch.setattr(LocaleElasticsearchBackend, "__init__", init)
