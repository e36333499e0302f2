"""Open data: the indicator values and the resource catalogue as streamed CSV and JSON,
UTF-8 with a header row, the licence stated, memory flat as rows grow."""

import csv
import datetime
import io
import json
import tracemalloc

import pytest

from countries.models import IndicatorValue
from tests.support.countries import add_values, country, country_index, indicator_type, translate
from tests.support.resources import make_resource

LICENCE = '<https://creativecommons.org/licenses/by-nc-sa/3.0/igo/>; rel="license"'


def body(response):
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def kenya(portal_site):
    page = country(country_index(portal_site), "Kenya", "KE")
    return add_values(page, indicator_type(), [(datetime.date(2024, 3, 1), 1200)])


def test_indicators_csv(client, kenya):
    response = client.get("/open-data/indicators.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"].startswith(LICENCE)
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert rows == [
        {
            "country_iso": "KE",
            "country": "Kenya",
            "indicator": "etraining-completed",
            "indicator_name": "E-training learners completed",
            "value": "1200",
            "date": "2024-03-01",
            "source": "sample data",
        }
    ]


def test_indicators_json_states_the_licence(client, kenya):
    data = json.loads(body(client.get("/open-data/indicators.json")))
    assert data["licence"]["name"] == "CC BY-NC-SA 3.0 IGO"
    assert data["columns"][0] == "country_iso"
    assert data["rows"][0]["value"] == 1200


def test_resources_have_a_title_per_language(client, library):
    guide = make_resource(library, "Recovery guide", topics=["recovery"], files=("en", "fr"))
    translate(guide, "fr", title="Guide du rétablissement")
    rows = list(csv.DictReader(io.StringIO(body(client.get("/open-data/resources.csv")))))
    assert len(rows) == 1
    row = rows[0]
    assert row["title_en"] == "Recovery guide"
    assert row["title_fr"] == "Guide du rétablissement"
    assert row["title_ar"] == ""
    assert row["topics"] == "recovery"
    assert row["languages"] == "en fr"
    assert row["url"].endswith("/en/resources/recovery-guide/")
    data = json.loads(body(client.get("/open-data/resources.json")))
    assert data["rows"][0]["title_fr"] == "Guide du rétablissement"


def test_empty_sets_still_have_a_header(client, portal_site):
    assert body(client.get("/open-data/resources.csv")).startswith("id,url,type,")
    assert json.loads(body(client.get("/open-data/indicators.json")))["rows"] == []


@pytest.mark.parametrize("path", ["/open-data/indicators.xml", "/open-data/nope.csv"])
def test_unknown_sets_and_formats_are_404(client, portal_site, path):
    assert client.get(path).status_code == 404


def test_only_get(client, portal_site):
    assert client.post("/open-data/indicators.csv").status_code == 405


def peak_memory(client, n, kenya, kind):
    IndicatorValue.objects.filter(country=kenya).delete()
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            country=kenya, indicator=kind, date=datetime.date(2024, 1, 1), value=i, source="x" * 40
        )
        for i in range(n)
    )
    response = client.get("/open-data/indicators.csv")
    tracemalloc.start()
    size = sum(len(chunk) for chunk in response.streaming_content)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert size > n * 40
    return peak


def test_memory_does_not_grow_with_rows(client, kenya):
    kind = indicator_type()
    small = peak_memory(client, 1500, kenya, kind)
    large = peak_memory(client, 15000, kenya, kind)
    # Ten times the rows; a response built in memory would take ten times the space.
    assert large < small * 2, (small, large)
