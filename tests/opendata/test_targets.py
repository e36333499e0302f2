"""Open data: the targets as CSV and JSON, the facts of the English target, its name in
every language, and no target of a country the public cannot see."""

import csv
import datetime
import io
import json

import pytest
from wagtail.models import PageViewRestriction

from tests.support.countries import country, country_index
from tests.support.targets import enrolled, target, translate_target

LICENCE = '<https://creativecommons.org/licenses/by-nc-sa/3.0/igo/>; rel="license"'


def body(response):
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def targets(portal_site):
    kenya = country(country_index(portal_site), "Kenya", "KE")
    kind = enrolled()
    world = target(
        kind,
        5_000_000,
        deadline=datetime.date(2024, 12, 31),
        source_url="https://www.who.int/news/example",
    )
    translate_target(world, "fr", "5 millions d'apprenants d'ici la fin de 2024")
    local = target(kind, 20_000, name="Kenya: 20,000 learners", scope="country", country=kenya)
    return {"world": world, "local": local, "kenya": kenya}


def test_targets_csv(client, targets):
    response = client.get("/open-data/targets.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"].startswith(LICENCE)
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert len(rows) == 2
    world, local = rows
    assert {k: world[k] for k in list(world)[:9]} == {
        "id": str(targets["world"].pk),
        "indicator": "etraining-enrolled",
        "value": "5000000",
        "deadline": "2024-12-31",
        "scope": "global",
        "region": "",
        "country_iso": "",
        "source": "WHO news release, 2022",
        "source_url": "https://www.who.int/news/example",
    }
    assert world["name_en"] == "5 million learners by the end of 2024"
    assert world["name_fr"] == "5 millions d'apprenants d'ici la fin de 2024"
    assert world["name_ar"] == ""
    assert (local["scope"], local["country_iso"], local["deadline"]) == ("country", "KE", "")


def test_targets_json_states_the_licence(client, targets):
    data = json.loads(body(client.get("/open-data/targets.json")))
    assert data["licence"]["name"] == "CC BY-NC-SA 3.0 IGO"
    assert data["columns"][:3] == ["id", "indicator", "value"]
    assert data["rows"][0]["value"] == 5_000_000
    assert data["rows"][0]["name_fr"].startswith("5 millions")


def test_a_target_of_a_country_the_public_cannot_see_is_left_out(client, targets):
    PageViewRestriction.objects.create(
        page=targets["kenya"], restriction_type=PageViewRestriction.LOGIN
    )
    rows = list(csv.DictReader(io.StringIO(body(client.get("/open-data/targets.csv")))))
    assert [row["scope"] for row in rows] == ["global"]


def test_no_targets_still_have_a_header(client, portal_site):
    assert body(client.get("/open-data/targets.csv")).startswith("id,indicator,value,")
    assert json.loads(body(client.get("/open-data/targets.json")))["rows"] == []
