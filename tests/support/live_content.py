"""Content for a portal served by child processes (tests/support/servers.py): run as
`manage.py shell -c "from tests.support import live_content; live_content.build()"`, so
pages are made by another process than the one that serves them."""

import datetime

from wagtail.models import Site

from countries.models import CountryPage
from tests.conftest import build_base_tree
from tests.support.countries import country, country_index, story, story_index

HOST = "portal.example.org"


def build():
    home = build_base_tree()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = HOST, 80
    site.save()  # through save(): Wagtail's cached site root paths are cleared
    story_index(home)
    kenya = country(country_index(home), "Kenya", "KE")
    story(kenya, "Peer support in Nairobi", date=datetime.date(2024, 5, 1))


def publish_story(title):
    kenya = CountryPage.objects.get(slug="kenya", locale__language_code="en")
    story(kenya, title, date=datetime.date(2024, 6, 1))
