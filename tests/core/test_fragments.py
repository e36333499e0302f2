"""What the header and listings keep in the cache between publishes (core/fragments.py,
core/visibility.py, core/locales.py) is never stale after a change and never differs by
visitor. The page cache is off: these are the parts an uncached page is built from."""

import pytest
from wagtail.models import PageViewRestriction

from core import visibility
from core.taxonomy import Topic
from tests.support import countries as build


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    settings.PAGE_CACHE_SECONDS = 0


def header(client, url="/en/"):
    return client.get(url).content.decode().split("</header>")[0]


def test_the_menu_shows_a_new_section_at_once(client, portal_site):
    countries = build.country_index(portal_site)
    assert f'href="{countries.url}"' in header(client)  # now cached
    stories = build.story_index(portal_site)  # published, in the menu
    assert f'href="{stories.url}"' in header(client)


def test_the_menu_drops_a_section_restricted_after_it_was_cached(client, portal_site):
    stories = build.story_index(portal_site)
    assert f'href="{stories.url}"' in header(client)
    PageViewRestriction.objects.create(page=stories, restriction_type="password", password="x")
    assert f'href="{stories.url}"' not in header(client)


def test_a_restriction_hides_a_listed_page_at_once(client, portal_site):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    story = build.story(kenya, "Open story")
    build.story_index(portal_site)
    assert "Open story" in client.get("/en/stories/").content.decode()
    assert visibility.is_public(story)
    restriction = PageViewRestriction.objects.create(
        page=kenya, restriction_type="password", password="x"
    )
    assert not visibility.is_public(story)
    assert "Open story" not in client.get("/en/stories/").content.decode()
    restriction.delete()
    assert "Open story" in client.get("/en/stories/").content.decode()


def test_the_header_is_the_same_for_a_signed_in_editor(client, admin_client, portal_site):
    """Nothing in the cached header depends on who asks: an editor warming it first and a
    visitor reading it after see the same menu and language links."""
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    build.translate(kenya, "fr", title="Kenya (fr)")
    edited = header(admin_client, "/en/countries/kenya/")
    assert header(client, "/en/countries/kenya/") == edited
    assert 'hreflang="fr"' in edited


def test_the_language_switcher_lists_a_new_translation_at_once(client, portal_site):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    assert 'hreflang="fr"' not in header(client, "/en/countries/kenya/")
    build.translate(kenya, "fr", title="Kenya (fr)")
    assert 'hreflang="fr"' in header(client, "/en/countries/kenya/")


def test_a_renamed_term_is_shown_at_once(client, portal_site):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    story = build.story(kenya, "Open story")
    recovery = Topic.objects.get(locale__language_code="en", slug="recovery")
    story.topics = [recovery]
    build.publish(story)
    assert recovery.name in client.get(story.url).content.decode()
    recovery.name = "Recovery, renamed"
    recovery.save()
    assert "Recovery, renamed" in client.get(story.url).content.decode()
