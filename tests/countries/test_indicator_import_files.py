"""The files the indicator import reads (CSV in UTF-8, comma or semicolon; XLSX written
by a spreadsheet program) and those it refuses as a whole: a clear message, a 400, and
nothing written."""

import datetime
import io

import pytest
from openpyxl import Workbook
from wagtail.models import Revision

from countries.imports import reading
from countries.models import IndicatorImport
from countries.workflow import MODERATORS
from tests.support import indicator_imports as imp


@pytest.fixture
def tree(portal_site):
    return imp.countries(portal_site)


@pytest.fixture
def moderator(client, django_user_model, tree):
    user = imp.person(django_user_model, "moderator", MODERATORS)
    client.force_login(user)
    return user


def xlsx_bytes(rows, header=imp.HEADER):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for values in rows:
        sheet.append(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_csv_with_a_byte_order_mark_and_semicolons(client, moderator):
    data = imp.csv_bytes(
        [imp.row(value="13 521"), imp.row(iso="", country="Ghana", value="1.000,")],
        delimiter=";",
        bom=True,
    )
    response = imp.upload(client, data)
    assert imp.statuses(response) == {2: "new", 3: "refused"}
    assert response.context["plan"].rows[0].value == 13521
    assert "“1.000,” is not a whole number" in imp.reasons(response, 3)


def test_an_xlsx_file_with_date_and_number_cells(client, tree, moderator):
    data = xlsx_bytes(
        [
            ["KE", "Kenya", "etraining-completed", "", 13521, datetime.datetime(2024, 12, 31), "x"],
            ["GH", "", "etraining-completed", "", 900.0, datetime.date(2024, 9, 30), "y"],
            [None, None, None, None, None, None, None],  # a blank row is skipped
            ["KE", "", "etraining-enrolled", "", "5,000", "2024-06-30", imp.SOURCE],
            ["KE", "", "etraining-enrolled", "", 12.5, "2024-07-31", imp.SOURCE],
        ]
    )
    response = imp.upload(client, data, name="Learners.XLSX")
    assert response.status_code == 200
    assert imp.statuses(response) == {2: "new", 3: "new", 5: "unchanged", 6: "refused"}
    first = response.context["plan"].rows[0]
    assert (first.value, first.date) == (13521, datetime.date(2024, 12, 31))
    imp.confirm(client, IndicatorImport.objects.get(), response)
    assert imp.values_of(tree["ghana"])[("etraining-completed", "2024-09-30")] == 900


def test_extra_columns_are_ignored_and_column_names_forgiven(client, moderator):
    header = ["Country ISO", "Indicator", "Value", "Date", "Source", "Notes"]
    data = imp.csv_bytes(
        [["KE", "etraining-completed", "3000", "2024-12-31", "x", "ok"]], header=header
    )
    assert imp.statuses(imp.upload(client, data)) == {2: "new"}


REFUSED_FILES = [
    ("values.pdf", b"%PDF-1.7 ...", "This is not a CSV or XLSX file"),
    ("values", b"country_iso,indicator", "This is not a CSV or XLSX file"),
    ("values.csv", bytes(range(256)) * 40, "The file is not text in UTF-8"),
    ("values.csv", "country_iso;indicator\n".encode("utf-16"), "The file is not text in UTF-8"),
    ("values.csv", b"country_iso,value\x00\x00", "it holds binary data"),
    ("values.xlsx", bytes(range(256)) * 40, "could not be read as an Excel workbook"),
    ("values.xlsx", b"PK\x03\x04" + b"\x00" * 200, "could not be read as an Excel workbook"),
    ("values.csv", "\u00e9t\u00e9".encode("cp1252"), "The file is not text in UTF-8"),
    (
        "values.csv",
        b"country,indicator,value\nKenya,etraining-completed,3\n",
        "Missing: date, source.",
    ),
    ("values.csv", b"pays,indicateur\nKenya,x\n", "Missing: value, date, source, country_iso or"),
    ("values.csv", b"country_iso,country,value,value,date,source,indicator\n", "appears twice"),
    ("values.csv", imp.csv_bytes([]), "column names but no values under them"),
    ("values.csv", imp.csv_bytes([["", "", "", "", "", "", ""]]), "no values under them"),
    ("values.csv", imp.csv_bytes([imp.row() + ["13", "521"]]), "more cells than"),
]


@pytest.mark.parametrize("name, data, message", REFUSED_FILES)
def test_a_file_that_cannot_be_read_is_refused_whole(client, moderator, name, data, message):
    revisions = Revision.objects.count()
    response = imp.upload(client, data, name=name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not IndicatorImport.objects.exists()
    assert Revision.objects.count() == revisions


def test_an_empty_upload_is_refused(client, moderator):
    response = imp.upload(client, b"")
    assert response.status_code == 400
    assert "The submitted file is empty." in response.content.decode()


def test_a_file_over_the_size_limit_is_refused(client, moderator):
    padding = [imp.row(source="x" * 200)] * (reading.MAX_BYTES // 200 + 1)
    response = imp.upload(client, imp.csv_bytes(padding))
    assert response.status_code == 400
    assert "the largest file accepted is 5.0" in response.content.decode()
    assert not IndicatorImport.objects.exists()


def test_a_file_over_the_row_limit_is_refused(client, moderator):
    rows = [imp.row()] * (reading.MAX_ROWS + 1)
    response = imp.upload(client, imp.csv_bytes(rows))
    assert response.status_code == 400
    assert "at most 20,000 are read at once" in response.content.decode()


def test_a_workbook_that_unpacks_too_large_is_refused(client, moderator, monkeypatch):
    monkeypatch.setattr(reading, "MAX_UNPACKED_BYTES", 1000)
    response = imp.upload(client, xlsx_bytes([imp.row()]), name="values.xlsx")
    assert response.status_code == 400
    assert "too large once unpacked" in response.content.decode()
