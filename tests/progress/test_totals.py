"""How the totals are made (countries/figures.py): each country's latest value, running
totals against counts per period, and only public English country pages counted."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from countries.figures import figures, indicator_totals
from countries.models import IndicatorValue
from tests.support import countries as build
from tests.support import targets as support

D = datetime.date


@pytest.fixture
def index(portal_site):
    return build.country_index(portal_site)


@pytest.fixture
def kinds(portal_site):
    return support.enrolled(), support.per_period()


def values(page, rows):
    """Set a page's values, several types at once: rows of (type, date, value)."""
    page.indicator_values = [
        IndicatorValue(indicator=kind, date=date, value=value, source="sample data")
        for kind, date, value in rows
    ]
    return build.publish(page)


@pytest.fixture
def world(index, kinds):
    enrolled, assessed = kinds
    kenya = values(
        build.country(index, "Kenya", "KE", region="afr"),
        [
            (enrolled, D(2023, 1, 1), 10),
            (enrolled, D(2024, 1, 1), 30),
            (assessed, D(2023, 12, 31), 4),
            (assessed, D(2024, 12, 31), 6),
        ],
    )
    ghana = values(
        build.country(index, "Ghana", "GH", region="afr"),
        [(enrolled, D(2024, 6, 1), 5), (assessed, D(2024, 12, 31), 3)],
    )
    france = build.country(index, "France", "FR", region="eur")
    return {"kenya": kenya, "ghana": ghana, "france": france}


def by_slug(totals):
    return {total["indicator"].slug: total for total in totals}


def test_a_total_adds_up_each_countrys_latest_value(world):
    totals = by_slug(indicator_totals())
    assert totals["etraining-enrolled"]["total"] == 35
    assert totals["etraining-enrolled"]["as_of"] == D(2024, 6, 1)
    assert totals["services-assessed"]["total"] == 9
    assert totals["etraining-enrolled"]["sources"] == {"sample data"}


def test_a_running_total_over_time_keeps_each_countrys_last_report(world, kinds):
    enrolled, _assessed = kinds
    # On 1 June 2024 Kenya's 30 still counts with Ghana's first 5.
    assert figures().series(figures().types[0]) == [
        (D(2023, 1, 1), 10),
        (D(2024, 1, 1), 30),
        (D(2024, 6, 1), 35),
    ]
    assert figures().types[0].id == enrolled.id


def test_a_count_per_period_adds_up_the_values_of_that_period(world, kinds):
    _enrolled, assessed = kinds
    kind = next(kind for kind in figures().types if kind.id == assessed.id)
    assert figures().series(kind) == [(D(2023, 12, 31), 4), (D(2024, 12, 31), 9)]


def test_the_latest_date_wins_whatever_order_the_rows_were_typed_in(index, kinds):
    enrolled, _assessed = kinds
    values(
        build.country(index, "Kenya", "KE"),
        [(enrolled, D(2024, 6, 30), 200), (enrolled, D(2023, 6, 30), 100)],
    )
    assert by_slug(indicator_totals())["etraining-enrolled"]["total"] == 200


def test_regions_count_their_countries_and_add_up_their_values(world, kinds):
    enrolled, _assessed = kinds
    regions = figures().regions()
    assert regions["afr"][0] == 2 and regions["afr"][1][enrolled.id].total == 35
    assert regions["eur"] == (1, {})


def test_restricted_unpublished_and_translated_countries_are_not_counted(world, kinds):
    enrolled, _assessed = kinds
    build.translate(world["kenya"], "fr", title="Kenya")  # the same country, once
    PageViewRestriction.objects.create(
        page=world["ghana"], restriction_type=PageViewRestriction.LOGIN
    )
    assert by_slug(indicator_totals())["etraining-enrolled"]["total"] == 30
    world["kenya"].unpublish()
    assert "etraining-enrolled" not in by_slug(indicator_totals())
    assert figures().countries.keys() == {world["france"].pk}


def test_a_group_restriction_also_keeps_a_country_out(world):
    restriction = PageViewRestriction.objects.create(
        page=world["kenya"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Country team")])
    assert by_slug(indicator_totals())["etraining-enrolled"]["total"] == 5


def test_a_publish_gives_new_totals_at_once(world, kinds):
    enrolled, _assessed = kinds
    assert by_slug(indicator_totals())["etraining-enrolled"]["total"] == 35
    values(world["france"], [(enrolled, D(2024, 12, 31), 100)])
    assert by_slug(indicator_totals())["etraining-enrolled"]["total"] == 135


def test_figures_are_read_once_per_content_version(world, django_assert_num_queries):
    figures()
    with django_assert_num_queries(0):
        indicator_totals()
        figures().regions()
