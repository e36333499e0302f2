"""The indicator import's preview, row by row: every row new, changed, unchanged or
refused, with the reason in plain words; the rules of countries/indicator_checks.py
applied to each country's series with the file merged in."""

import datetime

import pytest
from django.utils import timezone

from countries.imports.cells import iso_date, whole_number
from countries.models import IndicatorImport
from countries.workflow import MODERATORS
from tests.support import countries as build
from tests.support import indicator_imports as imp


@pytest.fixture
def tree(portal_site):
    return imp.countries(portal_site)


@pytest.fixture
def moderator(django_user_model, tree):
    return imp.person(django_user_model, "moderator", MODERATORS)


def preview(client, user, rows):
    client.force_login(user)
    response = imp.upload(client, imp.csv_bytes(rows))
    assert response.status_code == 200
    return response


def test_a_mixed_file_gives_every_row_its_status_and_reason(client, tree, moderator):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = preview(
        client,
        moderator,
        [
            imp.row(value="2400", day="2024-06-30"),  # 2: unchanged
            imp.row(indicator="etraining-enrolled", value="5100", day="2024-06-30"),  # 3
            imp.row(value="2600", day="2024-09-30"),  # 4: new
            imp.row(iso="ZZ", day="2024-01-05"),  # 5
            imp.row(iso="", country="Atlantis", day="2024-01-06"),  # 6
            imp.row(iso="", day="2024-01-07"),  # 7
            imp.row(indicator="learners-happy", day="2024-01-08"),  # 8
            imp.row(value="many", day="2024-01-09"),  # 9
            imp.row(value="-12", day="2024-01-10"),  # 10
            imp.row(value="12.5", day="2024-01-11"),  # 11
            imp.row(value="", day="2024-01-12"),  # 12
            imp.row(day="30/06/2024"),  # 13
            imp.row(day="2024-02-30"),  # 14
            imp.row(day=tomorrow),  # 15
            imp.row(source="", day="2024-01-16"),  # 16
            imp.row(iso="GH", value="700", day="2024-12-31"),  # 17: drop from 800
            imp.row(iso="GH", value="900", day="2024-10-31"),  # 18
            imp.row(iso="GH", value="950", day="2024-10-31"),  # 19: same date as 18
        ],
    )
    statuses = imp.statuses(response)
    assert statuses[2] == "unchanged" and statuses[3] == "changed" and statuses[4] == "new"
    assert {statuses[n] for n in range(5, 20)} == {"refused"}
    expected = {
        5: "No country on the portal has the code or name “ZZ”.",
        6: "No country on the portal has the code or name “Atlantis”.",
        7: "The row names no country",
        8: "There is no indicator “learners-happy”. Use one of these:",
        9: "“many” is not a whole number.",
        10: "-12 is below zero: a count cannot be negative.",
        11: "“12.5” is not a whole number.",
        12: "The value is empty.",
        13: "“30/06/2024” is not a date written as YYYY-MM-DD",
        14: "“2024-02-30” is not a date",
        15: "is in the future",
        16: "The source is empty.",
        17: "is a running total and cannot go down: 700",
        18: "Rows 18, 19 all give E-training learners completed for Ghana",
        19: "Rows 18, 19 all give",
    }
    for number, words in expected.items():
        assert words in imp.reasons(response, number), number
    page = response.content.decode()
    for words in ["Refused", "Unchanged", "Changed", "New", "Was 5,000."]:
        assert words in page
    assert IndicatorImport.objects.get().counts == {
        "new": 1,
        "changed": 1,
        "unchanged": 1,
        "refused": 15,
    }


def test_a_drop_is_checked_with_the_files_rows_merged_in(client, tree, moderator):
    # Kenya: 1,200 (2023-06-30), 2,400 (2024-06-30). Raising the first above the second
    # is a drop, and so is a new value lower than the one before it; lowering both
    # together, in order, is not.
    response = preview(client, moderator, [imp.row(value="3000", day="2023-06-30")])
    assert imp.statuses(response) == {2: "refused"}
    assert "2,400 on June 30, 2024 is lower than 3,000" in imp.reasons(response, 2)
    response = preview(client, moderator, [imp.row(value="1000", day="2024-09-30")])
    assert "1,000 on Sept. 30, 2024 is lower than 2,400" in imp.reasons(response, 2)
    response = preview(
        client,
        moderator,
        [
            imp.row(value="1000", day="2023-06-30"),
            imp.row(value="1100", day="2024-03-31"),
            imp.row(value="1150", day="2024-06-30"),
        ],
    )
    assert imp.statuses(response) == {2: "changed", 3: "new", 4: "changed"}


def test_refusing_a_row_brings_back_the_value_it_replaced(client, tree, moderator):
    # 2,400 stays on 2024-06-30 once the row lowering it is refused for its source,
    # so the new 2,000 after it is a drop too.
    response = preview(
        client,
        moderator,
        [
            imp.row(value="1500", day="2024-06-30", source=""),
            imp.row(value="2000", day="2024-09-30"),
        ],
    )
    assert imp.statuses(response) == {2: "refused", 3: "refused"}
    assert "cannot go down" in imp.reasons(response, 3)


def test_a_count_per_period_may_go_down(client, tree, moderator):
    response = preview(
        client,
        moderator,
        [
            imp.row(indicator="events-held", value="9", day="2024-03-31"),
            imp.row(indicator="events-held", value="2", day="2024-06-30"),
        ],
    )
    assert imp.statuses(response) == {2: "new", 3: "new"}


def test_countries_and_indicators_by_name_in_any_language(client, tree, moderator):
    build.translate(tree["kenya"], "fr", title="Kényan")
    build.translate(tree["kenya"], "ar", title="كينيا")
    response = preview(
        client,
        moderator,
        [
            imp.row(iso="ke"),
            imp.row(iso="", country="  KENYA ", day="2024-11-30"),
            imp.row(iso="", country="كينيا", day="2024-10-31"),
            imp.row(iso="", country="kényan", day="2024-09-30"),
            imp.row(indicator="", indicator_name="e-training learners ENROLLED", value="6000"),
            imp.row(indicator="E-training learners completed", day="2024-08-31"),
        ],
    )
    assert set(imp.statuses(response).values()) == {"new"}
    plan = response.context["plan"]
    assert {row.country.title for row in plan.rows} == {"Kenya"}
    assert plan.rows[4].indicator == tree["enrolled"]


def test_an_iso_code_is_not_second_guessed_by_the_name(client, tree, moderator):
    response = preview(client, moderator, [imp.row(iso="GH", country="Kenya")])
    assert response.context["plan"].rows[0].country == tree["ghana"]


@pytest.mark.parametrize(
    "text, number",
    [
        ("13521", 13521),
        ("13,521", 13521),
        ("13 521", 13521),
        ("1\u202f234\u202f567", 1234567),
        ("1'234", 1234),
        ("١٢٣", 123),
        ("0", 0),
    ],
)
def test_whole_numbers_with_thousands_separators(text, number):
    assert whole_number(text) == (number, None)


@pytest.mark.parametrize("text", ["13.5", "1,23", "13,52,1", "1 2", "+5", "x", "1e3"])
def test_what_is_not_a_whole_number(text):
    value, problem = whole_number(text)
    assert value is None and "is not a whole number" in problem


def test_dates_are_written_year_first():
    assert iso_date("2024-06-30") == (datetime.date(2024, 6, 30), None)
    for text in ["20240630", "2024-6-30", "30.06.2024", "2024-06-30T00:00"]:
        assert iso_date(text)[0] is None
