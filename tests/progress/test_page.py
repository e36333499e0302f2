"""/<lang>/progress/ as a visitor gets it: totals over time, targets, the country and
region tables, the map, in English and Arabic; bad parameters; the page cache."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core import numbers
from core.languages import bcp47
from countries.models import IndicatorValue
from tests.support import countries as build
from tests.support import targets as support

D = datetime.date


def main(response):
    body = response.content.decode()
    return body[body.index("<main") : body.index("</main>")]


def values(page, rows, source="sample data"):
    page.indicator_values = [
        IndicatorValue(indicator=kind, date=date, value=value, source=source)
        for kind, date, value in rows
    ]
    return build.publish(page)


@pytest.fixture
def uncached(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def world(portal_site):
    index = build.country_index(portal_site)
    enrolled, assessed = support.enrolled(), support.per_period()
    kenya = values(
        build.country(index, "Kenya", "KE", region="afr"),
        [
            (enrolled, D(2023, 12, 31), 60_000),
            (enrolled, D(2024, 12, 31), 100_000),
            (assessed, D(2024, 12, 31), 7),
        ],
    )
    ghana = values(
        build.country(index, "Ghana", "GH", region="afr"), [(enrolled, D(2024, 6, 30), 15_000)]
    )
    france = build.country(index, "France", "FR", region="eur")
    return {
        "index": index,
        "kenya": kenya,
        "ghana": ghana,
        "france": france,
        "enrolled": enrolled,
        "assessed": assessed,
    }


def test_the_page_shows_each_total_with_its_chart_table_and_date(client, world):
    response = client.get("/en/progress/")
    assert response.status_code == 200
    html = main(response)
    assert html.count("<h1>") == 1
    assert '<span class="figure__value">115,000</span>' in html
    assert "as of December 2024" in html
    # The chart is a picture named by its caption; the table holds the numbers.
    assert re.search(r'<svg class="progress-chart__svg"[^>]*role="img"', html)
    assert 'aria-labelledby="chart-etraining-enrolled"' in html
    assert '<figcaption id="chart-etraining-enrolled">' in html
    caption = "E-training learners enrolled: all countries together, by date"
    assert f"<caption>{caption}</caption>" in html
    assert re.search(r"30 June 2024</time></td><td class=\"numeric\">75,000</td>", html)
    assert "sample data</strong>" in html


def test_a_target_shows_number_percentage_bar_deadline_and_source(client, world):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    support.target(world["enrolled"], 5_000_000, deadline=yesterday)
    support.target(
        world["enrolled"],
        1_000_000,
        name="1 million learners",
        source="Invitation to the global launch, 2022",
        source_url="https://www.who.int/example",
    )
    html = main(client.get("/en/progress/"))
    assert "5 million learners by the end of 2024" in html
    assert "2.3% of 5,000,000" in html
    assert "11.5% of 1,000,000" in html
    assert f"Deadline passed on {numbers.long_date(yesterday, 'en')}" in html
    assert "The source gives no deadline" in html
    assert "WHO news release, 2022" in html
    assert '<a href="https://www.who.int/example">Invitation to the global launch, 2022</a>' in html
    assert re.search(r'<rect class="target__fill" x="0" y="0" width="5.5"', html)  # 2.3% of 240


def test_a_regional_or_country_target_counts_only_its_countries(client, world):
    support.target(world["enrolled"], 200_000, name="Africa", scope="region", region="afr")
    support.target(world["enrolled"], 50_000, name="Ghana", scope="country", country=world["ghana"])
    html = main(client.get("/en/progress/"))
    assert "57.5% of 200,000" in html
    assert "30% of 50,000" in html
    assert "African Region" in html


def test_a_target_for_a_country_that_is_not_public_is_not_shown(client, world):
    support.target(
        world["enrolled"], 50_000, name="Ghana target", scope="country", country=world["ghana"]
    )
    PageViewRestriction.objects.create(
        page=world["ghana"], restriction_type=PageViewRestriction.LOGIN
    )
    html = main(client.get("/en/progress/"))
    assert "Ghana" not in html


def test_the_arabic_page_is_right_to_left_with_arabic_digits(client, world):
    support.translate_type(world["enrolled"], "ar", "المسجلون في التدريب الإلكتروني")
    support.target(world["enrolled"], 5_000_000)
    build.translate(world["kenya"], "ar", title="كينيا")
    response = client.get("/ar/progress/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    html = main(response)
    assert "١١٥٬٠٠٠" in html  # 115,000
    assert "٢٫٣٪\u061c" in html  # 2.3%
    assert "المسجلون في التدريب الإلكتروني" in html
    assert '<a href="/ar/countries/kenya/">كينيا</a>' in html
    assert '<a href="/ar/countries/ghana/">Ghana</a>' in html  # not translated
    # Every number the page writes is in Arabic-Indic digits; the English target's name
    # and source (not translated here) are the editors' own words.
    text = re.sub(r"<[^>]+>", "", html)
    text = text.replace("5 million learners by the end of 2024", "").replace("2022", "")
    assert not re.search(r"[0-9]", text)


def test_every_portal_language_renders(client, world, settings):
    support.target(world["enrolled"], 5_000_000)
    for code, _name in settings.LANGUAGES:
        response = client.get(f"/{code}/progress/")
        assert response.status_code == 200, code
        direction = "rtl" if code == "ar" else "ltr"
        assert f'<html lang="{bcp47(code)}" dir="{direction}">' in response.content.decode()


def test_the_country_table_sorts_by_a_link_in_each_heading(client, world):
    html = main(client.get("/en/progress/"))
    rows = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)
    assert rows == ["France", "Ghana", "Kenya"]
    sorted_by = '<th scope="col" aria-sort="ascending"><a href="?sort=-country#countries">Country'
    assert sorted_by in html
    assert 'href="?sort=-etraining-enrolled#countries"' in html  # numbers: largest first

    html = main(client.get("/en/progress/?sort=-etraining-enrolled"))
    rows = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)
    assert rows == ["Kenya", "Ghana", "France"]  # France has no value: last
    reverse = 'aria-sort="descending" class="numeric"><a href="?sort=etraining-enrolled#'
    assert reverse in html

    html = main(client.get("/en/progress/?sort=etraining-enrolled"))
    assert re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html) == [
        "Ghana",
        "Kenya",
        "France",
    ]
    html = main(client.get("/en/progress/?sort=-region"))
    assert re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)[0] == "France"


def test_the_region_table_counts_countries_and_adds_up_values(client, world):
    html = main(client.get("/en/progress/"))
    regions = html[html.index('id="regions"') :]
    assert re.search(r'<th scope="row">African Region</th>\s*<td class="numeric">2</td>', regions)
    assert re.search(r'<th scope="row">European Region</th>\s*<td class="numeric">1</td>', regions)


def test_the_map_shades_countries_by_bins_with_patterns_and_a_legend(client, world):
    html = main(client.get("/en/progress/"))
    assert '<pattern id="progress-bin-1"' in html
    assert re.search(r'<path class="progress-map__country" fill="url\(#progress-bin-\d\)"', html)
    assert "<title>France: No value</title>" in html
    assert "Taking part, no value yet (1 country)" in html
    assert 'aria-current="true">E-training learners enrolled</a>' in html
    html = main(client.get("/en/progress/?map=services-assessed"))
    assert 'aria-current="true">Services assessed</a>' in html
    assert "<title>Kenya: 7</title>" in html


@pytest.mark.parametrize("query", ["?sort=nope", "?sort=-", "?map=nope", "?sort=" + "x" * 300])
def test_an_unknown_sort_or_map_is_ignored_with_a_message_and_not_cached(client, world, query):
    for _ in range(2):
        response = client.get(f"/en/progress/{query}")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "skip"
    assert 'role="note"' in main(response)


def test_the_page_is_cached_until_a_country_publishes(client, world):
    assert client.get("/en/progress/")["X-Page-Cache"] == "miss"
    assert client.get("/en/progress/")["X-Page-Cache"] == "hit"
    assert client.get("/en/progress/?sort=-region&map=services-assessed")["X-Page-Cache"] == "miss"
    assert client.get("/en/progress/?map=services-assessed&sort=-region")["X-Page-Cache"] == "hit"
    values(world["france"], [(world["enrolled"], D(2024, 12, 31), 5_000)])
    response = client.get("/en/progress/")
    assert response["X-Page-Cache"] == "miss"
    assert "120,000" in main(response)


def test_a_changed_target_shows_at_once(client, world):
    target = support.target(world["enrolled"], 5_000_000)
    assert "2.3% of 5,000,000" in main(client.get("/en/progress/"))
    target.value = 1_000_000
    target.save()
    assert "11.5% of 1,000,000" in main(client.get("/en/progress/"))


def test_an_open_deadline_keeps_the_page_until_midnight_at_most(client, world):
    support.target(world["enrolled"], 5_000_000, deadline=timezone.localdate())
    response = client.get("/en/progress/")
    assert response["X-Page-Cache"] == "miss"
    max_age = int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))
    assert max_age <= 24 * 60 * 60


def test_only_public_countries_are_listed(client, world):
    PageViewRestriction.objects.create(
        page=world["ghana"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    html = main(client.get("/en/progress/"))
    assert "Ghana" not in html
    assert '<span class="figure__value">100,000</span>' in html


def test_an_empty_portal_says_so(client, portal_site):
    response = client.get("/en/progress/")
    assert response.status_code == 200
    assert "No country has published numbers yet." in main(response)


def test_the_page_links_to_the_open_data(client, world):
    html = main(client.get("/en/progress/"))
    for path in (
        "/open-data/indicators.csv",
        "/open-data/targets.csv",
        "/open-data/targets.json",
    ):
        assert f'href="{path}"' in html


def test_the_home_page_links_to_the_progress_page(client, world):
    assert 'href="/en/progress/"' in main(client.get("/en/"))
    assert 'href="/fr/progress/"' in main(client.get("/fr/"))


def test_queries_do_not_grow_with_the_number_of_countries(client, world, uncached):
    kinds = [world["enrolled"], world["assessed"]]
    support.target(world["enrolled"], 5_000_000)

    def count(url):
        """(cold, warm): right after a publish, and with the fragments (the figures,
        the term and country lists) cached."""
        cache.clear()
        found = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return tuple(found)

    support.many_countries(world["index"], 2, kinds)
    few = (count("/en/progress/"), count("/ar/progress/?sort=-etraining-enrolled"))
    support.many_countries(world["index"], 45, kinds, start=2)
    many = (count("/en/progress/"), count("/ar/progress/?sort=-etraining-enrolled"))
    print(f"progress page queries: 5 countries {few}, 50 countries {many}")
    assert few == many
