"""The site search's facets on Elasticsearch: resources carry their facet keys in the
index, a chosen facet value is a `terms` filter there, and every count comes from a
terms aggregation over all hits, not from a first batch of results. Contract tests
through the real backend classes (tests/elasticsearch_support.py)."""

import pytest
from django.contrib.contenttypes.models import ContentType

from core.taxonomy import Topic
from resources.models import ResourcePage, ResourceType
from tests.support.countries import country, country_index
from tests.support.elasticsearch import Recorder, make_backend, use_recorder
from tests.support.resources import make_resource

pytestmark = pytest.mark.django_db

TOPIC_COLUMN = "resources_resourcepage__topic_keys_filter"
STORY_TOPIC_COLUMN = "countries_storypage__topic_keys_filter"


def key(model, slug):
    return str(model.objects.get(locale__language_code="en", slug=slug).translation_key)


@pytest.fixture
def guide(library, portal_site):
    kenya = country(country_index(portal_site), "Kenya", "KE")
    return make_resource(
        library, "Recovery guide", topics=["recovery"], files=("en", "fr"), countries=[kenya]
    )


def test_resource_facet_keys_are_mapped_as_keywords_and_indexed(guide):
    backend = make_backend()
    backend.get_index_for_model(ResourcePage).add_model(ResourcePage)
    properties = backend.es.named("put_mapping")[0]["properties"]
    for field in ("type_key", "topic_keys", "country_keys", "language_codes"):
        assert properties[f"resources_resourcepage__{field}_filter"] == {"type": "keyword"}

    backend.add(guide)
    (call,) = backend.es.named("bulk")
    assert call["index"] == "portal_en_wagtailcore_page"
    (document,) = call["actions"]
    assert document["resources_resourcepage__type_key_filter"] == key(ResourceType, "guidance")
    assert document[TOPIC_COLUMN] == [key(Topic, "recovery")]
    assert document["resources_resourcepage__country_keys_filter"] == [
        str(guide.countries.get().translation_key)
    ]
    assert sorted(document["resources_resourcepage__language_codes_filter"]) == ["en", "fr"]


def search_calls(recorder):
    return [call for call in recorder.named("search") if "aggregations" in call]


def test_site_search_counts_facets_with_aggregations_over_every_hit(
    client, guide, settings, monkeypatch
):
    recovery, peer = key(Topic, "recovery"), key(Topic, "peer-support")
    resource_type = ContentType.objects.get_for_model(ResourcePage).pk
    recorder = Recorder(
        count=2500,
        buckets={
            TOPIC_COLUMN: {recovery: 1800, peer: 1200},
            STORY_TOPIC_COLUMN: {recovery: 200},
            "resources_resourcepage__type_key_filter": {key(ResourceType, "guidance"): 2500},
            "resources_resourcepage__language_codes_filter": {"en": 2400, "ar": 30},
            "content_type_id_filter": {resource_type: 2500},
        },
    )
    use_recorder(settings, monkeypatch, recorder)

    response = client.get("/en/search/?q=recovery")

    assert response.status_code == 200
    facets = {
        group["facet"].param: {option["value"]: option["count"] for option in group["options"]}
        for group in response.context["facets"]
    }
    # More than the 1,000 best hits a search server returns: these are aggregations,
    # and a topic counts the resources and the stories tagged with it.
    assert facets["topic"] == {"recovery": 2000, "peer-support": 1200}
    assert facets["type"] == {"guidance": 2500}
    assert facets["language"] == {"en": 2400, "ar": 30}
    assert facets["country"] == {}
    assert facets["content"] == {"resourcepage": 2500}
    assert "2000" in response.text.replace(",", "")

    aggregations = {}
    assert search_calls(recorder)
    for call in search_calls(recorder):
        assert call["size"] == 0
        assert call["index"] == "portal_en_wagtailcore_page"
        aggregations.update(call["aggregations"])
    assert aggregations[TOPIC_COLUMN] == {"terms": {"field": TOPIC_COLUMN, "size": 500}}
    assert set(aggregations) == {
        "content_type_id_filter",
        "resources_resourcepage__type_key_filter",
        TOPIC_COLUMN,
        STORY_TOPIC_COLUMN,
        "resources_resourcepage__country_keys_filter",
        "countries_storypage__country_keys_filter",
        "resources_resourcepage__language_codes_filter",
    }


def test_a_chosen_facet_is_a_terms_filter_in_the_index(client, guide, settings, monkeypatch):
    recorder = Recorder(count=3)
    use_recorder(settings, monkeypatch, recorder)

    response = client.get("/en/search/?q=recovery&topic=recovery&language=fr")

    assert response.status_code == 200
    assert [link["label"] for link in response.context["active_filters"]] == [
        "Topic",
        "Language",
    ]
    calls = recorder.named("search") + recorder.named("count")
    assert len(calls) >= 6  # the count, the first page and five facets
    for call in calls:
        query = call.get("query") or call["body"]["query"]
        filters = query["bool"]["filter"]
        recovery = [key(Topic, "recovery")]
        topic = {"terms": {TOPIC_COLUMN: recovery}}, {"terms": {STORY_TOPIC_COLUMN: recovery}}
        assert {"bool": {"should": list(topic)}} in filters
        assert {"terms": {"resources_resourcepage__language_codes_filter": ["fr"]}} in filters
        # Not a list of database ids: the index answers on its own.
        assert "pk" not in str(filters)


def test_an_unknown_index_field_is_a_clear_error(portal_site):
    from modelsearch.backends.base import FilterFieldError
    from wagtail.models import Page

    results = make_backend(("en",)).search("recovery", Page.objects.live())
    with pytest.raises(FilterFieldError, match="no FilterField 'nonsense'"):
        results.index_facet((ResourcePage, "nonsense"))


def test_indexing_reads_the_facet_keys_without_a_query_per_resource(
    library, guide, django_assert_num_queries
):
    make_resource(library, "Recovery poster", kind="poster", topics=["peer-support"])
    resources = list(ResourcePage.get_indexed_objects().order_by("pk"))
    assert len(resources) == 2
    with django_assert_num_queries(0):
        keys = [
            (r.type_key(), r.topic_keys(), r.audience_keys(), r.country_keys(), r.language_codes())
            for r in resources
        ]
    assert keys[1][1] == [key(Topic, "peer-support")]


def test_publishing_an_edit_indexes_the_new_facet_keys(guide, settings, monkeypatch):
    """Wagtail indexes a page when its row is saved, before its tags are written: the
    last document sent must hold the tags just published."""
    recorder = Recorder()
    use_recorder(settings, monkeypatch, recorder, auto_update=True)
    guide.topics = list(Topic.objects.filter(slug="peer-support"))
    guide.save_revision().publish()
    documents = [
        action
        for _name, call in recorder.calls
        if _name == "bulk"
        for action in call["actions"]
        if action["_id"] == str(guide.pk)
    ]
    assert documents[-1][TOPIC_COLUMN] == [key(Topic, "peer-support")]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_library_hands_the_index_a_queryset(client, guide, settings, monkeypatch, language):
    """The library's base is deferred (core.listing.DeferredQuerySet): a typed search on a
    search server still gives the backend a QuerySet, and its facets are counted there,
    in English and through the locale fallback."""
    settings.PAGE_CACHE_SECONDS = 0
    recorder = Recorder(count=3)
    use_recorder(settings, monkeypatch, recorder)
    response = client.get(f"/{language}/resources/?q=recovery&topic=recovery")
    assert response.status_code == 200
    aggregated = [call for call in search_calls(recorder) if call.get("aggregations")]
    assert aggregated and all(call["size"] == 0 for call in aggregated)
