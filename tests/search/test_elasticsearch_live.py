"""Against a real Elasticsearch 9 cluster, when ELASTICSEARCH_URL is set (see
docs/search.md); skipped with that reason otherwise."""

import os
import uuid

import pytest
from wagtail.models import Page

from core.taxonomy import Topic
from resources.models import ResourcePage
from search.backends.elasticsearch import LocaleElasticsearchBackend
from search.query import IndexFilter
from tests.support.resources import make_resource
from tests.support.search import add_page

URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not URL, reason="ELASTICSEARCH_URL not set: live Elasticsearch tests skipped"
    ),
]


@pytest.fixture
def backend():
    prefix = f"test_{uuid.uuid4().hex[:8]}_"
    writer = LocaleElasticsearchBackend({"URLS": [URL], "INDEX_PREFIX": prefix})
    index = writer.get_index_for_model(Page)
    index.reset()
    index.add_model(Page)
    index.add_model(ResourcePage)  # its facet keys, as update_index maps them
    yield writer, prefix
    index.delete()


def searcher(prefix, *languages):
    return LocaleElasticsearchBackend(
        {"URLS": [URL], "INDEX_PREFIX": prefix, "LANGUAGES": languages}
    )


def test_french_stemming_on_a_live_cluster(backend, portal_site):
    writer, prefix = backend
    writer.add_bulk(Page, [add_page("fr", "Formation aux droits", "formation")])
    writer.get_index_for_model(Page).refresh()
    found = searcher(prefix, "fr").search("formations", Page.objects.live())
    assert [page.title for page in found] == ["Formation aux droits"]
    assert list(searcher(prefix, "en").search("formations", Page.objects.live())) == []


def test_spanish_stemming_and_autocomplete_on_a_live_cluster(backend, portal_site):
    writer, prefix = backend
    writer.add_bulk(Page, [add_page("es", "El derecho a decidir", "derecho")])
    writer.get_index_for_model(Page).refresh()
    spanish = searcher(prefix, "es")
    assert [p.title for p in spanish.search("derechos", Page.objects.live())] == [
        "El derecho a decidir"
    ]
    assert [p.title for p in spanish.autocomplete("dere", Page.objects.live())] == [
        "El derecho a decidir"
    ]


def test_facet_aggregations_and_filters_on_a_live_cluster(backend, library):
    writer, prefix = backend
    guide = make_resource(library, "Recovery guide", topics=["recovery"], files=("en", "fr"))
    make_resource(library, "Recovery poster", kind="poster", topics=["peer-support"])
    writer.add_bulk(ResourcePage, list(ResourcePage.objects.all()))
    writer.get_index_for_model(Page).refresh()
    recovery = str(Topic.objects.get(slug="recovery", locale=guide.locale).translation_key)

    results = searcher(prefix, "en").search("recovery", Page.objects.live())
    counts = results.index_facet((ResourcePage, "topic_keys"))
    assert sorted(counts.values()) == [1, 1] and counts[recovery] == 1
    assert results.index_facet((ResourcePage, "language_codes")) == {"en": 2, "fr": 1}

    only = IndexFilter(((ResourcePage, "topic_keys"),), (recovery,))
    narrowed = searcher(prefix, "en").search("recovery", Page.objects.live()).narrow([only])
    assert [page.title for page in narrowed] == ["Recovery guide"]
