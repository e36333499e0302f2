"""The portal-wide story listing and the rules a story's content must follow."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from core.taxonomy import Topic
from countries.blocks import ImageBlock, QuoteBlock
from tests.support import countries as build

PIXEL = Path(__file__).resolve().parents[1] / "data" / "pixel.png"


@pytest.fixture
def stories(portal_site):
    build.story_index(portal_site)
    index = build.country_index(portal_site)
    kenya = build.country(index, "Kenya", "KE")
    ghana = build.country(index, "Ghana", "GH")
    peer = build.story(
        kenya,
        "Peer support in Nairobi",
        date=datetime.date(2024, 3, 1),
        advances_participation=True,
    )
    peer.topics = [Topic.objects.get(locale__language_code="en", slug="peer-support")]
    build.publish(peer)
    build.story(
        ghana,
        "Accra services assessed",
        date=datetime.date(2024, 5, 1),
        advances_capacity=False,
        advances_community=True,
    )
    build.story(
        kenya,
        "New mental health law",
        date=datetime.date(2023, 1, 1),
        advances_capacity=False,
        advances_law=True,
    )
    return {"kenya": kenya, "ghana": ghana, "peer": peer}


def titles(client, query=""):
    response = client.get(f"/en/stories/{query}")
    assert response.status_code == 200
    return [story.title for story in response.context["results"]]


def test_listing_is_newest_first(client, stories):
    assert titles(client) == [
        "Accra services assessed",
        "Peer support in Nairobi",
        "New mental health law",
    ]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?country=kenya", ["Peer support in Nairobi", "New mental health law"]),
        ("?objective=law", ["New mental health law"]),
        ("?objective=community", ["Accra services assessed"]),
        ("?topic=peer-support", ["Peer support in Nairobi"]),
        ("?country=ghana&objective=law", []),
    ],
)
def test_listing_filters(client, stories, query, expected):
    assert titles(client, query) == expected


def test_topic_filter_matches_through_a_translated_term(client, stories):
    english = Topic.objects.get(locale__language_code="en", slug="peer-support")
    french = english.copy_for_translation(_locale("fr"))
    french.name = "Soutien par les pairs"
    french.save()
    build.translate(stories["peer"], "fr", title="Le soutien par les pairs à Nairobi")
    response = client.get("/fr/stories/?topic=peer-support")
    assert [s.title for s in response.context["results"]] == ["Le soutien par les pairs à Nairobi"]
    assert "Soutien par les pairs" in response.content.decode()  # the option, in French


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def test_listing_paginates_and_keeps_filters_in_page_links(client, stories):
    for number in range(13):
        build.story(stories["ghana"], f"Ghana story {number:02d}")
    response = client.get("/en/stories/?country=ghana")
    body = response.content.decode()
    assert len(response.context["results"]) == 12
    assert "?country=ghana&amp;page=2" in body
    assert len(client.get("/en/stories/?country=ghana&page=2").context["results"]) == 2


def test_active_filter_can_be_removed_alone(client, stories):
    body = client.get("/en/stories/?country=kenya&objective=law").content.decode()
    # The listings' one active-filters include (core/includes/active_filters.html).
    assert 'href="?objective=law">Remove filter: Country: <bdi>Kenya</bdi>' in body


def test_a_story_needs_an_objective(stories):
    with pytest.raises(ValidationError):
        build.story(stories["kenya"], "No objective", advances_capacity=False)


def test_an_image_needs_alt_text_or_the_decorative_flag(db):
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    with open(PIXEL, "rb") as handle:
        image = get_image_model().objects.create(title="Pixel", file=ImageFile(handle, "p.png"))
    block = ImageBlock()
    value = {"image": image.pk, "alt_text": "", "decorative": False, "caption": ""}
    with pytest.raises(StructBlockValidationError) as missing:
        block.clean(block.to_python(value))
    assert "alt_text" in missing.value.block_errors
    block.clean(block.to_python({**value, "decorative": True}))
    block.clean(block.to_python({**value, "alt_text": "Two people talking in a garden"}))


def test_a_quote_needs_consent():
    block = QuoteBlock()
    value = block.to_python({"quote": "Words", "attribution": "A person", "consent": False})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_filters_offer_only_countries_and_topics_with_stories(client, stories, portal_site):
    build.country(build.country_index(portal_site), "France", "FR", status="planning")
    form = client.get("/en/stories/").context["filter_form"]
    assert [slug for slug, _ in form.fields["country"].choices] == ["", "ghana", "kenya"]
    assert [slug for slug, _ in form.fields["topic"].choices] == ["", "peer-support"]
