"""Reading an uploaded file into rows of text with tablib: a CSV in UTF-8 (with or
without a byte order mark, comma or semicolon between cells) or the first sheet of an
XLSX workbook. A file that cannot be read raises Unreadable with a sentence saying what
to do; nothing is checked against the database here (countries/imports/plan.py)."""

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath

import tablib
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from countries.imports.columns import COLUMNS, ONE_OF, REQUIRED

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
# An XLSX file is a zip archive: what it unpacks to is capped too, so that a small
# upload cannot unpack into gigabytes.
MAX_UNPACKED_BYTES = 20 * MAX_BYTES
EXTENSIONS = (".csv", ".xlsx")


class Unreadable(Exception):
    """The file as a whole is refused; the message is for the person who sent it."""


@dataclass(frozen=True)
class Row:
    number: int  # as a spreadsheet numbers it: the column names are row 1
    cells: dict  # column name -> text, "" when empty or absent

    def stored(self):
        return [self.number, *(self.cells[column] for column in COLUMNS)]

    @classmethod
    def from_stored(cls, values):
        return cls(values[0], dict(zip(COLUMNS, values[1:], strict=True)))


def read(upload):
    """The rows of an uploaded file: anything with a name, a size and read()."""
    extension = PurePath(upload.name or "").suffix.lower()
    if extension not in EXTENSIONS:
        raise Unreadable(
            _(
                "This is not a CSV or XLSX file. Save your spreadsheet as “CSV UTF-8” or as "
                "an Excel workbook (.xlsx) and send it again."
            )
        )
    if upload.size > MAX_BYTES:
        raise Unreadable(
            _("The file is %(size)s; the largest file accepted is %(limit)s. Split it in two.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)}
        )
    data = upload.read()
    dataset = _read_csv(data) if extension == ".csv" else _read_xlsx(data)
    return _rows(dataset)


def _read_csv(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable(
            _(
                "The file is not text in UTF-8. In Excel, save it as “CSV UTF-8”; in "
                "LibreOffice, choose the character set “Unicode (UTF-8)”."
            )
        ) from None
    if "\x00" in text:
        raise Unreadable(_("The file is not a CSV file: it holds binary data."))
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    try:
        return tablib.Dataset().load(text, format="csv", delimiter=delimiter)
    except tablib.InvalidDimensions:
        raise Unreadable(
            _(
                "A row has more cells than the first row has column names. A number "
                "written with a comma, such as 13,521, must be in quotes in a CSV file; "
                "or a cell to the right of the table is not empty."
            )
        ) from None
    except csv.Error:
        raise Unreadable(_("The file could not be read as CSV.")) from None


def _read_xlsx(data):
    not_a_workbook = _(
        "The file could not be read as an Excel workbook (.xlsx). Open it in your "
        "spreadsheet program and save it again as .xlsx or as “CSV UTF-8”."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise Unreadable(not_a_workbook) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise Unreadable(_("The workbook is too large once unpacked. Split it in two."))
    try:
        return tablib.Dataset().load(data, format="xlsx")
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged workbook
        raise Unreadable(not_a_workbook) from None


def _number(value):
    return number_format(value, force_grouping=True)


def _column_name(header):
    return str(header or "").strip().lower().replace(" ", "_").replace("-", "_")


def _text(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()  # a date cell reads as midnight of that day
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # spreadsheets keep whole numbers as floats
    return str(value).strip()


def _positions(headers):
    names = [_column_name(header) for header in headers or []]
    positions = {}
    for index, name in enumerate(names):
        if name in COLUMNS:
            if name in positions:
                raise Unreadable(
                    _("The column “%(column)s” appears twice. Keep one.") % {"column": name}
                )
            positions[name] = index
    missing = [column for column in REQUIRED if column not in positions]
    missing += [
        _("%(first)s or %(second)s") % {"first": first, "second": second}
        for first, second in ONE_OF
        if first not in positions and second not in positions
    ]
    if missing:
        raise Unreadable(
            _(
                "The first row must name the columns. Missing: %(missing)s. The columns "
                "are those of the open data file: %(columns)s."
            )
            % {"missing": ", ".join(missing), "columns": ", ".join(COLUMNS)}
        )
    return positions


def _rows(dataset):
    positions = _positions(dataset.headers)
    if dataset.height > MAX_ROWS:
        raise Unreadable(
            _("The file has %(count)s rows; at most %(limit)s are read at once. Split it.")
            % {"count": _number(dataset.height), "limit": _number(MAX_ROWS)}
        )
    rows = []
    for index, values in enumerate(dataset, start=2):
        cells = {
            column: _text(values[positions[column]]) if column in positions else ""
            for column in COLUMNS
        }
        if any(cells.values()):  # blank rows are skipped, as a person reads the sheet
            rows.append(Row(index, cells))
    if not rows:
        raise Unreadable(_("The file has column names but no values under them."))
    return rows
