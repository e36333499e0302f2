"""Bad filter input gives a normal page (value ignored, message shown) or a 404."""

import pytest

from tests.support import countries as build


@pytest.fixture
def listings(portal_site):
    index = build.country_index(portal_site)
    build.story_index(portal_site)
    kenya = build.country(index, "Kenya", "KE")
    build.story(kenya, "Peer support in Nairobi")
    return index


@pytest.mark.parametrize(
    "query",
    [
        "status=unknown",
        "region=atlantis",
        "status=implementing&region=%00",
        "page=abc",
        "page=1000000000",
        "page=-1",
        "status=" + "x" * 5000,
    ],
)
def test_country_index_ignores_bad_filters(client, listings, query):
    response = client.get(f"/en/countries/?{query}")
    assert response.status_code == 200
    assert "Kenya" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "country=atlantis",
        "objective=world-peace",
        "topic=no-such-topic",
        "page=abc",
        "page=1000000000",
        "page=0",
        "country=kenya&country=ghana",
    ],
)
def test_story_listing_ignores_bad_filters(client, listings, query):
    response = client.get(f"/en/stories/?{query}")
    assert response.status_code == 200
    assert "Peer support in Nairobi" in response.content.decode()


def test_an_ignored_filter_says_so(client, listings):
    body = client.get("/en/countries/?status=unknown").content.decode()
    assert "We ignored this filter:" in body


@pytest.mark.parametrize(
    "path", ["/en/countries/atlantis/", "/en/countries/kenya/no-such-story/", "/ar/countries/x/"]
)
def test_unknown_country_or_story_is_a_404(client, listings, path):
    assert client.get(path).status_code == 404


def test_invalid_iso_code_and_duplicate_code_are_refused(listings):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as invalid:
        build.country(listings, "Atlantis", "XX")
    assert "iso_code" in invalid.value.message_dict
    with pytest.raises(ValidationError) as taken:
        build.country(listings, "Kenya again", "KE")
    assert "iso_code" in taken.value.message_dict


def test_a_translation_shares_its_source_code(listings):
    from countries.models import CountryPage

    kenya = CountryPage.objects.get(iso_code="KE")
    arabic = build.translate(kenya, "ar", title="كينيا")
    assert arabic.iso_code == "KE"
