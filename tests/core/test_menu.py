"""The main menu lists only sections the public may read: a section under a view
restriction is left out, for everyone."""

from wagtail.models import PageViewRestriction

from tests.support import countries as build


def test_a_restricted_section_is_not_in_the_menu(client, portal_site):
    stories = build.story_index(portal_site)
    countries = build.country_index(portal_site)
    PageViewRestriction.objects.create(page=stories, restriction_type="password", password="x")
    header = client.get("/en/").content.decode().split("</header>")[0]
    assert f'href="{countries.url}"' in header
    assert f'href="{stories.url}"' not in header
