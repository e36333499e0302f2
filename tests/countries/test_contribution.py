"""A country page shows its share of the total over all countries taking part, with a
link to the progress page; a country that is not counted shows none."""

import datetime
import re

import pytest
from wagtail.models import PageViewRestriction

from countries.context import add_shares, indicators
from countries.models import IndicatorValue
from tests.support import countries as build
from tests.support import targets as support

D = datetime.date


def main(response):
    body = response.content.decode()
    return body[body.index("<main") : body.index("</main>")]


@pytest.fixture
def world(portal_site):
    index = build.country_index(portal_site)
    kind = support.enrolled()
    kenya = build.add_values(
        build.country(index, "Kenya", "KE"),
        kind,
        [(D(2023, 12, 31), 5_230), (D(2024, 12, 31), 13_521)],
    )
    ghana = build.add_values(build.country(index, "Ghana", "GH"), kind, [(D(2024, 6, 30), 56_279)])
    return {"index": index, "kind": kind, "kenya": kenya, "ghana": ghana}


def test_a_country_page_shows_its_share_of_the_total(client, world):
    html = main(client.get("/en/countries/kenya/"))
    assert "Kenya: 13,521 of 69,800 in all countries taking part (19.4%)." in html
    assert '<a href="/en/progress/#total-etraining-enrolled">Progress in all countries</a>' in html


def test_the_translated_page_shows_it_in_its_language(client, world):
    build.translate(world["kenya"], "ar", title="كينيا")
    html = main(client.get("/ar/countries/kenya/"))
    assert re.search("كينيا: ١٣٬٥٢١ .*٦٩٬٨٠٠", html)
    assert "١٩٫٤٪" in html
    assert 'href="/ar/progress/#total-etraining-enrolled"' in html


def test_a_country_that_is_not_public_is_not_counted_and_shows_no_share(client, world):
    PageViewRestriction.objects.create(
        page=world["ghana"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    # Kenya is now the only country counted.
    assert "Kenya: 13,521 of 13,521 in all countries taking part (100%)." in main(
        client.get("/en/countries/kenya/")
    )
    # Ghana's own page (behind its password) says nothing of a total it is not part of.
    shown = indicators(world["ghana"])
    add_shares(world["ghana"], shown)
    assert "share" not in shown[0]


def test_a_preview_counts_the_values_being_edited(world):
    kenya = world["kenya"]
    # As the admin's preview does: the edited values are on the page, not yet saved.
    kenya.indicator_values = [
        IndicatorValue(indicator=world["kind"], date=D(2024, 12, 31), value=20_000, source="x")
    ]
    shown = indicators(kenya)
    add_shares(kenya, shown)
    assert shown[0]["share"]["value"] == 20_000
    assert shown[0]["share"]["total"] == 20_000 + 56_279


def test_sample_data_is_recognised_in_any_portal_language():
    from django.utils import translation
    from django.utils.translation import gettext

    from countries.figures import is_sample

    assert is_sample("Sample data, 2024")
    with translation.override("fr"):
        french = gettext("sample data")
    assert french != "sample data"
    assert is_sample(f"{french.capitalize()} (démo)")
    assert not is_sample("WHO Academy, 2024")
