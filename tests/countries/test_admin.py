"""The editing forms of the countries app open in the Wagtail admin."""

from django.urls import reverse

from tests.support import countries as build


def test_add_and_edit_forms_open(admin_client, portal_site):
    index = build.country_index(portal_site)
    kenya = build.country(index, "Kenya", "KE")
    story = build.story(kenya, "Peer support in Nairobi")
    urls = [
        reverse("wagtailadmin_pages:add", args=["countries", "countrypage", index.pk]),
        reverse("wagtailadmin_pages:add", args=["countries", "storypage", kenya.pk]),
        reverse("wagtailadmin_pages:edit", args=[kenya.pk]),
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        reverse("wagtailsnippets_countries_indicatortype:add"),
    ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url
