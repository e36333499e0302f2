"""A CDN in front drops the progress page, in every language, when a country changes."""

import datetime
from urllib.parse import urlsplit

import pytest

from tests.support import countries as build
from tests.support import purges


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = purges.SETTINGS
    purges.PURGED.clear()
    yield purges.PURGED
    purges.PURGED.clear()


def paths(urls):
    return {urlsplit(url).path for url in urls}


def test_publishing_a_country_purges_the_progress_page(
    portal_site, purged, django_capture_on_commit_callbacks
):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        build.add_values(kenya, build.indicator_type(), [(datetime.date(2024, 1, 1), 5)])
    assert {"/en/progress/", "/ar/progress/", "/zh-hans/progress/"} <= paths(purged)


def test_publishing_a_story_does_not(portal_site, purged, django_capture_on_commit_callbacks):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    build.story_index(portal_site)
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        build.story(kenya, "Peer support")
    assert "/en/progress/" not in paths(purged)
