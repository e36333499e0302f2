"""What a change purges from a CDN (core/cdn.py): the page and its translations, every
page above it and the listings that show it, in every language, the feeds and the
sitemap; a moved page's old address too."""

import datetime
from urllib.parse import urlsplit

import pytest
from wagtail.models import PageViewRestriction

from resources.models import ResourceType
from tests.support import purges
from tests.support.countries import country, country_index, story, story_index, translate
from tests.support.resources import make_resource

DATE = datetime.date(2024, 5, 1)


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = purges.SETTINGS
    purges.PURGED.clear()
    yield purges.PURGED
    purges.PURGED.clear()


def paths(urls):
    return {urlsplit(url).path for url in urls}


@pytest.fixture
def kenya(portal_site):
    story_index(portal_site)
    return country(country_index(portal_site), "Kenya", "KE")


def test_publishing_a_story_purges_where_it_is_listed_in_every_language(
    kenya, purged, django_capture_on_commit_callbacks
):
    first = story(kenya, "Peer support in Nairobi", date=DATE)
    translate(first, "fr", title="Soutien par les pairs")
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first.save_revision().publish()
    found = paths(purged)
    assert {
        "/en/countries/kenya/peer-support-in-nairobi/",
        "/en/countries/kenya/",
        "/en/countries/",
        "/en/stories/",
        "/en/",
        "/fr/",
        "/ar/",
        "/en/feeds/*",
        "/ar/feeds/*",
        "/sitemap.xml",
    } <= found
    french = [p for p in found if p.startswith("/fr/countries/") and p.count("/") == 5]
    assert french, found  # the French translation's own address


def test_a_resource_purges_the_pages_of_its_countries(
    library, kenya, purged, django_capture_on_commit_callbacks
):
    library.save_revision().publish()
    resource = make_resource(library, "Peer groups")
    resource.countries.add(kenya)
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        resource.save_revision().publish()
    assert {"/en/resources/peer-groups/", "/en/resources/", "/en/countries/kenya/"} <= paths(purged)


def test_moving_a_story_purges_its_old_address_and_both_countries(
    kenya, purged, django_capture_on_commit_callbacks
):
    ghana = country(kenya.get_parent(), "Ghana", "GH")
    moved = story(kenya, "Moving story", date=DATE)
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moved.move(ghana, pos="last-child")
    assert {
        "/en/countries/kenya/moving-story/",
        "/en/countries/ghana/moving-story/",
        "/en/countries/kenya/",
        "/en/countries/ghana/",
    } <= paths(purged)


def test_nothing_is_purged_before_the_change_is_committed(kenya, purged):
    """Purged earlier, a CDN could fetch the old page again before the commit."""
    story(kenya, "Uncommitted story", date=DATE)  # the test's transaction never commits
    assert not any("uncommitted-story" in url for url in purged)


def test_restricting_a_page_purges_it_and_everything_below_it(
    kenya, purged, django_capture_on_commit_callbacks
):
    story(kenya, "Restricted story", date=DATE)
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=kenya, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    assert {"/en/countries/kenya/", "/en/countries/kenya/restricted-story/"} <= paths(purged)


def test_a_renamed_term_purges_every_language(library, purged, django_capture_on_commit_callbacks):
    term = ResourceType.objects.get(slug="guidance", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        term.name = "Guidance notes"
        term.save()
    assert {"/en/*", "/ar/*", "/zh-hans/*", "/sitemap.xml"} <= paths(purged)


def test_nothing_is_sent_without_a_cdn(kenya, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    purges.PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story(kenya, "Quiet story", date=DATE)
    assert purges.PURGED == []
