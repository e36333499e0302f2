"""The API answers a malformed or extreme request with a 400 and a message, never a 500."""

import pytest

from tests.support.resources import make_resource


@pytest.mark.parametrize("endpoint", ["pages", "resources", "images", "documents"])
@pytest.mark.parametrize("offset", ["99999999999999999999", str(2**63), "1000000001"])
def test_an_offset_beyond_any_listing_is_a_400(client, portal_site, endpoint, offset):
    response = client.get(f"/api/v2/{endpoint}/?offset={offset}")
    assert response.status_code == 400
    assert "offset cannot be higher than" in response.json()["message"]


def test_a_large_offset_within_range_is_an_empty_page(client, portal_site):
    response = client.get("/api/v2/pages/?offset=1000000000")
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_one_resource_is_served_and_found(client, library):
    resource = make_resource(library, "Recovery guide")
    response = client.get(f"/api/v2/resources/{resource.pk}/")
    assert response.status_code == 200
    assert response.json()["title"] == "Recovery guide"

    found = client.get(f"/api/v2/resources/find/?id={resource.pk}")
    assert found.status_code == 302
    assert client.get(found["Location"]).status_code == 200
