"""Every public page type renders in at most 15 SQL queries when the page cache misses,
and in as many with 50 stories and resources as with 5 (issue #14).

Counted with the page cache off, as an editor (never served from it) or a first visit
after a publish would be. "warm": the fragments that change only on publish (menu,
language links, term lists, facet counts, home figures: core/fragments.py,
core/facet_cache.py) are cached, as for every request but the first after a publish.
"cold": the cache has just been emptied, as right after a publish; no budget, but the
same count at 5 and 50 items. Upcoming events are listed on the home and country pages.
The table is printed (pytest -rP) for docs/performance.md.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from resources.models import RelatedResource, ResourcePage
from tests.support import countries as build
from tests.support.events import events_index, in_days, make_event
from tests.support.resources import make_resource

BUDGET = 15
URLS = {
    "home": "/en/",
    "home, Arabic": "/ar/",
    "countries": "/en/countries/",
    "country": "/en/countries/kenya/",
    "country, Arabic": "/ar/countries/kenya/",
    "country, not translated": "/ar/countries/ghana/",
    "story": "/en/countries/kenya/story-00/",
    "stories": "/en/stories/",
    "library": "/en/resources/",
    "library, three facets": "/en/resources/?type=guidance&topic=recovery&language=fr",
    "library, most downloaded": "/en/resources/?sort=downloads",
    "resource": "/en/resources/guide-00/",
    "search": "/en/search/?q=guide",
    "progress": "/en/progress/",
    "progress, Arabic, sorted": "/ar/progress/?sort=-etraining-enrolled",
}


@pytest.fixture
def uncached_pages(settings):
    settings.PAGE_CACHE_SECONDS = 0  # core/page_cache.py: off, so every page renders


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def measure(client):
    """{page: (cold, warm)} for every page type."""
    counts = {}
    for name, url in URLS.items():
        client.get(url)  # image renditions are made once, not per publish
        cache.clear()
        cold = count(client, url)
        counts[name] = (cold, count(client, url))
    return counts


def add_content(library, countries, start, stop, cover):
    for number in range(start, stop):
        # Upcoming events, half on the Kenya page (three of the first five): listed on the
        # home and country pages.
        make_event(
            events_index(library.get_parent()) if number % 2 else countries[0],
            f"Event {number:02d}",
            start=in_days(number + 1),
            spoken=("en", "fr"),
            interpretation=("ar", "ase"),
        )
        build.story(
            countries[number % 2],
            f"Story {number:02d}",
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
        )
        make_resource(
            library,
            f"Guide {number:02d}",
            kind=["guidance", "toolkit"][number % 2],
            topics=["recovery"],
            files=(),
            links=("en", "fr"),
            countries=[countries[0]],
            cover_image=cover,
        )
    # The resource page lists every other resource as related: constant too.
    guide = ResourcePage.objects.get(slug="guide-00")
    guide.related_resources = [
        RelatedResource(resource=page) for page in ResourcePage.objects.exclude(pk=guide.pk)
    ]
    guide.save_revision().publish()


def test_public_pages_stay_within_the_query_budget(client, portal_site, library, uncached_pages):
    build.story_index(portal_site)
    index = build.country_index(portal_site)
    kenya = build.country(index, "Kenya", "KE")
    ghana = build.country(index, "Ghana", "GH")
    build.add_values(kenya, build.indicator_type(), [(datetime.date(2024, 1, 1), 120)])
    build.translate(kenya, "ar", title="كينيا")
    cover = get_image_model().objects.create(title="Cover", file=get_test_image_file())

    add_content(library, [kenya, ghana], 0, 5, cover)
    few = measure(client)
    add_content(library, [kenya, ghana], 5, 50, cover)
    assert ResourcePage.objects.live().count() == 50
    many = measure(client)

    rows = [f"{'page':28} {'5 cold':>7} {'5 warm':>7} {'50 cold':>8} {'50 warm':>8}"]
    rows += [f"{n:28} {few[n][0]:7} {few[n][1]:7} {many[n][0]:8} {many[n][1]:8}" for n in URLS]
    table = "\n".join(rows)
    print(table)
    assert all(many[name] == few[name] for name in URLS), f"grows with items:\n{table}"
    assert all(many[name][1] <= BUDGET for name in URLS), f"over {BUDGET}:\n{table}"
