"""The public API's targets (/api/v2/targets/): read-only, the English targets with
their indicator's slug, their country's ISO code and their names in every language."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from tests.support.countries import country, country_index
from tests.support.targets import enrolled, target, translate_target


@pytest.fixture
def targets(portal_site):
    kenya = country(country_index(portal_site), "Kenya", "KE")
    kind = enrolled()
    world = target(kind, 5_000_000, deadline=datetime.date(2024, 12, 31), sort_order=1)
    translate_target(world, "ar", "٥ ملايين متعلم بحلول نهاية عام ٢٠٢٤")
    local = target(kind, 20_000, name="Kenya: 20,000", scope="country", country=kenya, sort_order=2)
    regional = target(kind, 90_000, name="Africa", scope="region", region="afr", sort_order=3)
    return {"world": world, "local": local, "regional": regional, "kenya": kenya}


def test_the_listing_gives_every_field(client, targets):
    response = client.get("/api/v2/targets/")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["meta"]["total_count"] == 3  # the English targets, not their translations
    world, local, regional = data["items"]
    assert world["meta"]["type"] == "countries.Target"
    assert world["meta"]["detail_url"].endswith(f"/api/v2/targets/{targets['world'].pk}/")
    assert {k: world[k] for k in world if k != "meta"} == {
        "id": targets["world"].pk,
        "name": "5 million learners by the end of 2024",
        "names": {
            "en": "5 million learners by the end of 2024",
            "ar": "٥ ملايين متعلم بحلول نهاية عام ٢٠٢٤",
        },
        "indicator": "etraining-enrolled",
        "value": 5_000_000,
        "deadline": "2024-12-31",
        "scope": "global",
        "region": "",
        "country_iso": None,
        "source": "WHO news release, 2022",
        "source_url": "",
    }
    assert (local["country_iso"], local["deadline"]) == ("KE", None)
    assert (regional["scope"], regional["region"]) == ("region", "afr")


def test_one_target_and_chosen_fields(client, targets):
    data = client.get(f"/api/v2/targets/{targets['world'].pk}/").json()
    assert data["names"]["ar"].startswith("٥")
    data = client.get("/api/v2/targets/?fields=_,value,indicator").json()
    assert data["items"][0] == {
        "value": 5_000_000,
        "indicator": "etraining-enrolled",
    }


def test_queries_per_listing_do_not_grow_with_targets(
    client, targets, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        client.get("/api/v2/targets/")


def test_a_target_of_a_country_the_public_cannot_see_is_left_out(client, targets):
    PageViewRestriction.objects.create(
        page=targets["kenya"], restriction_type=PageViewRestriction.LOGIN
    )
    data = client.get("/api/v2/targets/").json()
    assert [item["scope"] for item in data["items"]] == ["global", "region"]
    assert client.get(f"/api/v2/targets/{targets['local'].pk}/").status_code == 404


@pytest.mark.parametrize(
    "query, message",
    [
        ("?scope=global", "query parameter is not an operation or a recognised field: scope"),
        ("?fields=nope", "unknown fields: nope"),
        ("?limit=1000", "limit cannot be higher than 100"),
    ],
)
def test_mistakes_are_a_400_with_a_message(client, targets, query, message):
    response = client.get(f"/api/v2/targets/{query}")
    assert response.status_code == 400
    assert response.json()["message"] == message


def test_the_api_is_read_only(client, targets):
    assert client.post("/api/v2/targets/", {}).status_code == 405
