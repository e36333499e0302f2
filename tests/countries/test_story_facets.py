"""The stories listing's facets count their stories, like the library's: each menu
lists only the values with stories under the other filters, with their counts."""

import datetime

import pytest

from core.taxonomy import Topic
from countries.models import StoryPage
from tests.support import countries as build


@pytest.fixture
def stories(portal_site):
    build.story_index(portal_site)
    index = build.country_index(portal_site)
    # France has no story: never offered.
    kenya, ghana, _france = (
        build.country(index, name, code)
        for name, code in [("Kenya", "KE"), ("Ghana", "GH"), ("France", "FR")]
    )
    peer = Topic.objects.get(locale__language_code="en", slug="peer-support")
    recovery = Topic.objects.get(locale__language_code="en", slug="recovery")
    first = build.story(kenya, "Peer support in Nairobi", advances_participation=True)
    first.topics = [peer, recovery]
    build.publish(first)
    second = build.story(kenya, "New mental health law", advances_law=True)
    second.topics = [peer]
    build.publish(second)
    build.story(ghana, "Accra services assessed", date=datetime.date(2024, 6, 1))
    return {"kenya": kenya, "ghana": ghana}


def menu(response, name):
    return [label for slug, label in response.context["filter_form"].fields[name].choices if slug]


def test_each_menu_counts_its_stories(client, stories):
    response = client.get("/en/stories/")
    assert menu(response, "country") == ["Ghana (1)", "Kenya (2)"]
    assert menu(response, "topic") == ["Peer support (2)", "Recovery (1)"]
    assert menu(response, "objective") == [
        "Build capacity (3)",
        "Participation and civil society (1)",
        "Law and policy reform (1)",
    ]


def test_counts_leave_out_their_own_filter_and_keep_the_others(client, stories):
    response = client.get("/en/stories/?country=ghana")
    # The country menu ignores its own filter: the other country stays on offer.
    assert menu(response, "country") == ["Ghana (1)", "Kenya (2)"]
    assert menu(response, "topic") == []  # Ghana's story has no topic
    assert menu(response, "objective") == ["Build capacity (1)"]
    response = client.get("/en/stories/?topic=recovery&objective=participation")
    assert menu(response, "country") == ["Kenya (1)"]
    assert menu(response, "topic") == ["Peer support (1)", "Recovery (1)"]


def test_a_translated_story_counts_under_its_country_in_every_language(client, stories):
    story = StoryPage.objects.get(title="Accra services assessed")
    build.translate(stories["ghana"], "fr", title="Ghana (fr)")
    build.translate(story, "fr", title="Services d'Accra évalués")
    response = client.get("/fr/stories/?country=ghana")
    assert [s.title for s in response.context["results"]] == ["Services d'Accra évalués"]
    assert "Ghana (fr) (1)" in menu(response, "country")


def test_story_queryset_picks_by_country_and_topic(stories):
    kenya = stories["kenya"].translation_key
    titles = set(StoryPage.objects.live().in_countries([kenya]).values_list("title", flat=True))
    assert titles == {"Peer support in Nairobi", "New mental health law"}
    recovery = Topic.objects.filter(slug="recovery").values("translation_key")
    tagged = StoryPage.objects.live().with_topics(recovery)
    assert list(tagged.values_list("title", flat=True)) == ["Peer support in Nairobi"]
