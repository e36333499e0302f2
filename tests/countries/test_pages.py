"""Country index, country page and story page as a visitor gets them."""

import datetime
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from countries.figures import indicator_totals
from countries.models import CountryPage
from home.figures import public_english
from tests.support import countries as build


@pytest.fixture
def countries(portal_site):
    index = build.country_index(portal_site)
    build.story_index(portal_site)
    kenya = build.country(index, "Kenya", "KE", status="implementing", region="afr")
    ghana = build.country(index, "Ghana", "GH", status="implementing", region="afr")
    france = build.country(index, "France", "FR", status="planning", region="eur")
    return {"index": index, "kenya": kenya, "ghana": ghana, "france": france}


def main(response):
    body = response.content.decode()
    return body[body.index("<main") : body.index("</main>")]


def test_index_lists_countries_with_status_region_and_map_links(client, countries):
    response = client.get("/en/countries/")
    assert response.status_code == 200
    html = main(response)
    assert html.count("<h1>") == 1
    for name in ("Kenya", "Ghana", "France"):
        assert f'<a href="/en/countries/{name.lower()}/">{name}</a>' in html
    assert "African Region" in html and "European Region" in html
    # Each participating country on the map is a link with an accessible name.
    assert 'aria-label="Kenya: Implementing"' in html
    assert 'aria-label="France: Planning"' in html
    assert len(re.findall(r'<a href="[^"]+" class="world-map__link"', html)) == 3


def test_index_filters_by_status_and_region(client, countries):
    html = main(client.get("/en/countries/?status=planning"))
    assert "France" in html and "Kenya" not in html
    html = main(client.get("/en/countries/?region=afr&status=implementing"))
    assert "Kenya" in html and "Ghana" in html and "France" not in html


def test_country_page_shows_latest_indicator_chart_and_table(client, countries):
    kind = build.indicator_type()
    build.add_values(
        countries["kenya"],
        kind,
        [(datetime.date(2023, 6, 30), 1200), (datetime.date(2024, 6, 30), 23400)],
    )
    html = main(client.get("/en/countries/kenya/"))
    assert "E-training learners completed" in html
    assert '<span class="figure__value">23,400</span>' in html
    assert "June 2024" in html and "sample data" in html
    assert re.search(r'<svg class="indicator__chart" role="img" aria-labelledby="chart-', html)
    assert html.count('class="indicator__bar"') == 2
    assert "<caption>E-training learners completed: all values</caption>" in html
    assert html.count("<tr><td>") == 2


def test_country_page_lists_its_latest_stories_only(client, countries):
    build.story(countries["kenya"], "Peer support in Nairobi")
    build.story(countries["ghana"], "Accra assessment")
    html = main(client.get("/en/countries/kenya/"))
    assert "Peer support in Nairobi" in html
    assert "Accra assessment" not in html


def test_translated_country_is_served_in_arabic_and_untranslated_falls_back(client, countries):
    build.translate(countries["kenya"], "ar", title="كينيا")
    html = main(client.get("/ar/countries/"))
    assert '<a href="/ar/countries/kenya/">كينيا</a>' in html
    assert '<a href="/ar/countries/ghana/">Ghana</a>' in html
    response = client.get("/ar/countries/ghana/")
    assert response.status_code == 200
    with translation.override("ar"):
        notice = gettext(
            "This page is not yet available in %(language)s. It is shown in its original language."
        ) % {"language": "العربية"}
    assert notice in response.content.decode()
    assert client.get("/ar/countries/kenya/").context["page"].locale.language_code == "ar"


def test_translation_shares_indicator_values_of_the_english_page(client, countries):
    kind = build.indicator_type()
    build.add_values(countries["kenya"], kind, [(datetime.date(2024, 1, 31), 5000)])
    build.translate(countries["kenya"], "fr", title="Kenya")
    assert "5" in main(client.get("/fr/countries/kenya/"))
    assert "E-training learners completed" in main(client.get("/fr/countries/kenya/"))


def test_story_page_shows_country_objectives_and_topics(client, countries):
    from core.taxonomy import Topic

    story = build.story(countries["kenya"], "Peer support in Nairobi", advances_law=True)
    story.topics = [Topic.objects.get(locale__language_code="en", slug="peer-support")]
    build.publish(story)
    response = client.get("/en/countries/kenya/peer-support-in-nairobi/")
    assert response.status_code == 200
    html = main(response)
    assert '<a href="/en/countries/kenya/">Kenya</a>' in html
    assert "Build capacity" in html and "Law and policy reform" in html
    assert '<a href="/en/stories/?topic=peer-support">Peer support</a>' in html


def test_figures_count_countries_and_total_latest_values(countries):
    kind = build.indicator_type()
    build.add_values(
        countries["kenya"], kind, [(datetime.date(2023, 1, 1), 10), (datetime.date(2024, 1, 1), 30)]
    )
    build.add_values(countries["ghana"], kind, [(datetime.date(2024, 6, 1), 5)])
    build.translate(countries["kenya"], "fr", title="Kenya")  # not a fourth country
    assert public_english(CountryPage) == 3
    [total] = indicator_totals()
    assert total["total"] == 35
    assert total["as_of"] == datetime.date(2024, 6, 1)
    assert total["sources"] == {"sample data"}


def test_home_page_shows_countries_taking_part(client, countries):
    html = main(client.get("/en/"))
    assert re.search(r'figure__value">3</span> <span class="figure__label">countries taking', html)
