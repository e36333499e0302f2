"""The resource form (issue #18): topics and audiences as checkboxes, the type as a plain
select, English terms only (translations name them), countries sorted alphabetically
whatever the accents, in the editor's language."""

import re

from django.urls import reverse
from wagtail.models import Locale

from core.taxonomy import Topic
from resources.models import ResourceType
from tests.support import countries as build


def test_the_resource_form_fits_the_task(admin_client, portal_site, library):
    index = build.country_index(portal_site)
    for title, code in (("Uganda", "UG"), ("Türkiye", "TR"), ("Tunisia", "TN")):
        build.country(index, title, code)
    arabic = Locale.objects.get(language_code="ar")
    for term in (Topic.objects.get(slug="recovery"), ResourceType.objects.get(slug="guidance")):
        translated = term.copy_for_translation(arabic)
        translated.name = "ترجمة"
        translated.save()
    url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", library.pk])
    html = admin_client.get(url).content.decode()
    assert re.search(r'<input type="checkbox" name="topics" value="\d+"', html)
    assert re.search(r'<input type="checkbox" name="audiences" value="\d+"', html)
    assert re.search(r'<select name="resource_type"[^>]*>', html)
    assert "ترجمة" not in html  # translations name a term; they are not other terms
    countries = re.findall(r'name="countries" value="\d+"[^>]*>\s*(?:</?[^>]+>\s*)*([^<\n]+)', html)
    names = [name.strip() for name in countries if name.strip()]
    assert names == ["Tunisia", "Türkiye", "Uganda"], names
