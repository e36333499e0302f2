"""The resource library's search on Elasticsearch: the search, the years, every facet
and the order run in the index, and each facet is counted by an aggregation over every
hit with the other facets' filters (OR within a facet, AND across). Contract tests
through the real library page and backend classes (tests/elasticsearch_support.py)."""

import pytest
from wagtail.models import Locale

from core.taxonomy import Topic
from resources.models import Audience
from tests.support.elasticsearch import Recorder, use_recorder

pytestmark = pytest.mark.django_db

TOPIC = "resources_resourcepage__topic_keys_filter"
AUDIENCE = "resources_resourcepage__audience_keys_filter"
EASY_READ = "resources_resourcepage__has_easy_read_filter"


def key(model, slug):
    return str(model.objects.get(locale__language_code="en", slug=slug).translation_key)


def facets(response):
    return {
        group["name"]: {option["slug"]: option["count"] for option in group["options"]}
        for group in response.context["facets"]
    }


def aggregation_calls(recorder, column):
    return [call for call in recorder.named("search") if column in call.get("aggregations", {})]


def test_library_search_filters_and_counts_in_the_index(client, library, settings, monkeypatch):
    recovery, peer = key(Topic, "recovery"), key(Topic, "peer-support")
    recorder = Recorder(
        count=2500,
        buckets={
            TOPIC: {recovery: 1800, peer: 900},
            AUDIENCE: {key(Audience, "families"): 1200},
            EASY_READ: {1: 300, 0: 2200},
        },
    )
    use_recorder(settings, monkeypatch, recorder)

    response = client.get(
        "/en/resources/?q=recovery&topic=recovery&topic=peer-support&access=easy-read"
        "&year_from=2019&year_to=2024"
    )

    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 2500
    counted = facets(response)
    assert counted["topic"] == {"recovery": 1800, "peer-support": 900}
    assert counted["audience"] == {"families": 1200}
    assert counted["access"] == {"easy-read": 300}

    (listing_count,) = recorder.named("count")
    filters = str(listing_count["body"]["query"]["bool"]["filter"])
    assert f"{{'terms': {{'{TOPIC}': ['{recovery}', '{peer}']}}}}" in filters
    assert f"{{'term': {{'{EASY_READ}': True}}}}" in filters
    assert (
        "'resources_resourcepage__publication_date_filter': {'gte': datetime.date(2019, 1, 1)}"
        in filters
    )
    assert "'locale_id_filter'" in filters

    # A facet's own count leaves out its own filter and keeps the others.
    (topic_call,) = aggregation_calls(recorder, TOPIC)
    assert TOPIC not in str(topic_call["query"]["bool"]["filter"])
    assert EASY_READ in str(topic_call["query"]["bool"]["filter"])
    (audience_call,) = aggregation_calls(recorder, AUDIENCE)
    assert TOPIC in str(audience_call["query"]["bool"]["filter"])
    assert audience_call["aggregations"][AUDIENCE] == {"terms": {"field": AUDIENCE, "size": 500}}
    assert audience_call["size"] == 0


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("title", [{"title_filter": "asc"}, {"id_filter": "asc"}]),
        (
            "newest",
            [{"resources_resourcepage__publication_date_filter": "desc"}, {"id_filter": "asc"}],
        ),
        ("relevance", None),
    ],
)
def test_library_search_sorts_in_the_index(client, library, settings, monkeypatch, sort, expected):
    recorder = Recorder(count=40)
    use_recorder(settings, monkeypatch, recorder)
    response = client.get(f"/en/resources/?q=recovery&sort={sort}")
    assert response.status_code == 200
    (listing,) = [call for call in recorder.named("search") if "aggregations" not in call]
    assert listing.get("sort") == expected
    assert (listing["from_"], listing["size"]) == (0, 20)


def test_most_downloaded_keeps_the_database_path(client, library, settings, monkeypatch):
    """Download counts live in the database: that sort ranks the best hits there."""
    recorder = Recorder(count=40)
    use_recorder(settings, monkeypatch, recorder)
    response = client.get("/en/resources/?q=recovery&sort=downloads")
    assert response.status_code == 200
    assert not [call for call in recorder.named("search") if "aggregations" in call]
    assert recorder.named("search")  # the search still ran on the server


def test_counts_from_the_index_and_from_sql_are_cached_apart(
    client, library, settings, monkeypatch
):
    recovery = key(Topic, "recovery")
    use_recorder(settings, monkeypatch, Recorder(count=2500, buckets={TOPIC: {recovery: 1800}}))
    assert facets(client.get("/en/resources/?q=recovery"))["topic"] == {"recovery": 1800}
    # "Most downloaded" counts the best hits in SQL (none here): not the cached 1,800.
    assert "topic" not in facets(client.get("/en/resources/?q=recovery&sort=downloads"))


def test_a_draft_translation_does_not_hide_the_english_resource(
    client, library, settings, monkeypatch
):
    from tests.support.countries import translate
    from tests.support.resources import make_resource

    published = make_resource(library, "Recovery guide")
    translate(published, "fr", title="Guide du rétablissement")
    drafted = make_resource(library, "Recovery poster")
    draft = drafted.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    assert not draft.live
    recorder = Recorder(count=2)
    use_recorder(settings, monkeypatch, recorder)
    client.get("/fr/resources/?q=recovery")
    (listing_count,) = recorder.named("count")
    hidden = str(listing_count["body"]["query"])
    assert str(published.translation_key) in hidden  # its French page stands in
    assert str(drafted.translation_key) not in hidden  # a draft does not
