"""A page's <head> links and metadata are kept under the content version
(`page_head` in core/templatetags/core_tags.py): made once per address and language,
new at once after a publish, and never kept from a preview."""

import json
import re

import pytest

from core import seo
from tests.support import countries as build


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def made(monkeypatch):
    """How many times the page's JSON-LD was worked out."""
    calls = []
    original = seo.structured_data
    monkeypatch.setattr(seo, "structured_data", lambda *a: calls.append(1) or original(*a))
    return calls


def og_title(body):
    return re.search(r'<meta property="og:title" content="([^"]*)">', body).group(1)


def json_ld(body):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    return json.loads(found.group(1))


def test_the_head_is_made_once_per_address_and_language(client, portal_site, made):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    build.translate(kenya, "ar", title="كينيا")
    first = client.get("/en/countries/kenya/").content.decode()
    again = client.get("/en/countries/kenya/").content.decode()
    assert made == [1]
    head = first.split("</head>")[0]
    assert head == again.split("</head>")[0]
    assert '<link rel="canonical" href="http://127.0.0.1:8000/en/countries/kenya/">' in head
    assert 'hreflang="ar"' in head and og_title(head) == "Kenya"
    arabic = client.get("/ar/countries/kenya/").content.decode()
    assert made == [1, 1] and og_title(arabic) == "كينيا"
    assert '<link rel="canonical" href="http://127.0.0.1:8000/ar/countries/kenya/">' in arabic
    # Another host, another address: its own head.
    client.get("/en/countries/kenya/", HTTP_HOST="localhost")
    assert len(made) == 3


def test_a_publish_shows_in_the_head_at_once(client, portal_site):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    client.get("/en/countries/kenya/")
    kenya.title = "Republic of Kenya"
    kenya.save_revision().publish()
    body = client.get("/en/countries/kenya/").content.decode()
    assert og_title(body) == "Republic of Kenya"
    assert any(item.get("name") == "Republic of Kenya" for item in json_ld(body))


def test_a_preview_is_never_kept(client, portal_site, made):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    client.get("/en/countries/kenya/")
    kenya.title = "Draft title"
    preview = kenya.make_preview_request().content.decode()
    assert og_title(preview) == "Draft title"
    live = client.get("/en/countries/kenya/").content.decode()
    assert og_title(live) == "Kenya"
    assert made == [1, 1]
