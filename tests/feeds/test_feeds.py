"""Atom feeds: stories and resources per language with English fallback, per country,
type and topic; announced by the pages they follow; 404 for unknown slugs."""

import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.countries import country, country_index, story, story_index, translate
from tests.support.resources import make_resource


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    return feedparser.parse(response.content)


@pytest.fixture
def stories(portal_site):
    index = country_index(portal_site)
    story_index(portal_site)
    kenya, ghana = country(index, "Kenya", "KE"), country(index, "Ghana", "GH")
    first = story(kenya, "Peer support in Nairobi", date=datetime.date(2024, 5, 1))
    story(ghana, "Training in Accra", date=datetime.date(2024, 6, 1))
    translate(first, "fr", title="Soutien par les pairs à Nairobi")
    return kenya


def test_stories_feed_in_french_with_english_fallback(client, stories):
    feed = parse(client, "/fr/feeds/stories/")
    assert [e.title for e in feed.entries] == [
        "Training in Accra",
        "Soutien par les pairs à Nairobi",
    ]
    links = [e.link for e in feed.entries]
    assert links[0].endswith("/fr/countries/ghana/training-in-accra/")
    assert links[1].endswith("/fr/countries/kenya/peer-support-in-nairobi/")
    assert feed.entries[0].summary == "Training in Accra summary."
    assert client.get(links[0].removeprefix("http://testserver")).status_code == 200


def test_stories_feed_per_country(client, stories):
    feed = parse(client, "/en/feeds/stories/kenya/")
    assert [e.title for e in feed.entries] == ["Peer support in Nairobi"]
    assert "Kenya" in feed.feed.title


def test_resources_feeds_per_type_and_topic(client, library):
    make_resource(library, "Recovery guide", topics=["recovery"])
    make_resource(library, "Training video", kind="video", topics=["legal-capacity"])
    assert len(parse(client, "/en/feeds/resources/").entries) == 2
    assert [e.title for e in parse(client, "/en/feeds/resources/type/video/").entries] == [
        "Training video"
    ]
    by_topic = parse(client, "/ar/feeds/resources/topic/recovery/").entries
    assert [e.title for e in by_topic] == ["Recovery guide"]
    assert by_topic[0].link.endswith("/ar/resources/recovery-guide/")


@pytest.mark.parametrize(
    "path",
    [
        "/en/feeds/stories/atlantis/",
        "/en/feeds/resources/type/nope/",
        "/en/feeds/resources/topic/nope/",
    ],
)
def test_unknown_slugs_are_404(client, stories, path):
    assert client.get(path).status_code == 404


def test_pages_announce_their_feeds(client, stories, library):
    home = client.get("/en/").content.decode()
    assert 'type="application/atom+xml"' in home and "/en/feeds/stories/" in home
    assert "/en/feeds/resources/" in client.get("/en/resources/").content.decode()
    assert "/fr/feeds/stories/kenya/" in client.get("/fr/countries/kenya/").content.decode()
    assert "/en/feeds/stories/" in client.get("/en/stories/").content.decode()


def test_query_count_does_not_grow_with_items(client, stories, library, settings):
    settings.PAGE_CACHE_SECONDS = 0  # a hit runs no query: count the feed's own

    def count(path):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        assert queries
        return len(queries)

    make_resource(library, "Resource 0")
    few = count("/fr/feeds/resources/"), count("/fr/feeds/stories/")
    for n in range(1, 10):
        make_resource(library, f"Resource {n}")
        story(stories, f"Story {n}")
    assert (count("/fr/feeds/resources/"), count("/fr/feeds/stories/")) == few
