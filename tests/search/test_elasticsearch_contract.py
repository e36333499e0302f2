"""Contract tests for the Elasticsearch backend: the real index settings, mappings,
routing and query bodies, built by the backend classes. No server runs here, so the
client is replaced by a recorder (tests/elasticsearch_support.py)."""

import pytest
from wagtail.models import Locale, Page

from home.models import HomePage
from search.query import search_pages
from tests.support.elasticsearch import Recorder, make_backend, use_recorder
from tests.support.search import add_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "code, analyzer",
    [
        ("fr", "french"),
        ("ar", "arabic"),
        ("hy", "armenian"),
        ("bn", "bengali"),
        ("cs", "czech"),
        ("id", "indonesian"),
        ("it", "italian"),
        ("ru", "russian"),
        ("es", "spanish"),
        ("tr", "turkish"),
        ("zh-hans", "cjk"),
        ("en", "english"),
        ("fil", "standard"),
        ("uk", "standard"),
    ],
)
def test_each_language_index_is_created_with_its_analyzer(code, analyzer):
    backend = make_backend()
    backend.get_index_for_model(HomePage).put()
    created = {call["index"]: call for call in backend.es.named("create")}
    settings = created[f"portal_{code}_wagtailcore_page"]["settings"]
    assert settings["analysis"]["analyzer"]["default"] == {"type": analyzer}
    # Autocomplete keeps Wagtail's edge n-gram analyzer in every language.
    assert "edgengram_analyzer" in settings["analysis"]["analyzer"]


def test_mapping_has_autocomplete_and_locale_filter_fields():
    backend = make_backend()
    backend.get_index_for_model(HomePage).add_model(HomePage)
    mappings = backend.es.named("put_mapping")
    assert len(mappings) == 19  # one per language index
    properties = mappings[0]["properties"]
    assert properties["locale_id_filter"]["type"] == "integer"
    assert properties["_edgengrams"]["analyzer"] == "edgengram_analyzer"
    # The title (boost 2) is copied to a boosted catch-all field as well.
    assert "_all_text_boost_2_0" in properties["title"]["copy_to"]


def test_pages_are_written_to_their_locale_index(portal_site):
    backend = make_backend()
    french = add_page("fr", "Formation aux droits", "formation")
    arabic = add_page("ar", "إنهاء الإكراه", "coercion")
    backend.add(french)
    backend.add_bulk(Page, [arabic])
    written = [call["index"] for name, call in backend.es.calls if name in ("bulk", "index")]
    assert written == ["portal_fr_wagtailcore_page", "portal_ar_wagtailcore_page"]


def test_aliases_are_not_indexed(portal_site):
    backend = make_backend()
    page = add_page("en", "Peer support", "peer-support")
    alias = page.create_alias(
        parent=Page.objects.get(
            pk=portal_site.get_translation(Locale.objects.get(language_code="fr")).pk
        ),
        update_locale=Locale.objects.get(language_code="fr"),
    )
    backend.add(alias)
    assert not [name for name, _ in backend.es.calls if name in ("bulk", "index")]


def test_deletion_reaches_every_language_index(portal_site):
    backend = make_backend()
    backend.delete(add_page("fr", "Formation", "formation"))
    assert len(backend.es.named("delete")) == 19


def test_a_search_reads_its_language_index_with_the_locale_filter(portal_site):
    recorder = Recorder()
    backend = make_backend(("fr",), recorder)
    french = Locale.objects.get(language_code="fr")
    results = backend.search("formations", Page.objects.live().filter(locale_id=french.pk))
    list(results[:10])
    call = recorder.named("search")[0]
    assert call["index"] == "portal_fr_wagtailcore_page"
    filters = call["query"]["bool"]["filter"]
    assert {"term": {"locale_id_filter": french.pk}} in filters[1]["bool"]["must"]
    assert call["query"]["bool"]["must"]["multi_match"]["query"] == "formations"
    # The title (boost 2) is weighted above the body text.
    assert "_all_text_boost_2_0^2.0" in call["query"]["bool"]["must"]["multi_match"]["fields"]


def test_all_languages_reads_every_language_index():
    backend = make_backend()
    names = backend.get_index_for_model(Page).name.split(",")
    assert len(names) == 19
    assert "portal_zh-hans_wagtailcore_page" in names


def test_facets_are_aggregations(portal_site):
    recorder = Recorder(aggregation_keys=[7])
    backend = make_backend(("en",), recorder)
    results = backend.search("recovery", Page.objects.live())
    assert results.facet("content_type_id") == {7: 1}
    call = recorder.named("search")[0]
    # Sized: Elasticsearch's default of 10 buckets would cut 19 languages short.
    assert call["aggregations"] == {
        "content_type_id_filter": {"terms": {"field": "content_type_id_filter", "size": 500}}
    }
    assert call["size"] == 0


def test_autocomplete_queries_edge_ngrams(portal_site):
    recorder = Recorder()
    backend = make_backend(("en",), recorder)
    list(backend.autocomplete("peer sup", Page.objects.live())[:8])
    call = recorder.named("search")[0]
    assert call["query"]["bool"]["must"] == {"match": {"_edgengrams": {"query": "peer sup"}}}


def test_search_pages_uses_the_configured_elasticsearch_backend(portal_site, settings, monkeypatch):
    recorder = Recorder()
    use_recorder(settings, monkeypatch, recorder)
    results, _ = search_pages(Page.objects.live(), 'NEAR( "ending coercion', "fr", scope="fallback")
    list(results[:10])
    call = recorder.named("search")[0]
    assert call["index"] == "portal_fr_wagtailcore_page,portal_en_wagtailcore_page"
