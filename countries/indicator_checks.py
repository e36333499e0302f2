"""The rules a country's indicator values keep, shared by the page form
(countries/page_forms.py) and the import (countries/imports/): no two values of one
indicator on one date, no date in the future, and a running total that never goes down.

Each problem is a plain sentence a country team can act on."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date as date_type

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Entry:
    """One value as the checks see it: `ref` is whatever the caller needs to point back
    at it (a form, a row number)."""

    indicator: object  # an IndicatorType
    date: date_type
    value: int
    ref: object = None


def _number(value):
    return number_format(value, force_grouping=True)


def future_date(entry, today=None):
    today = today or timezone.localdate()
    if entry.date > today:
        return _("The date %(date)s is in the future.") % {"date": date_format(entry.date)}
    return None


def series_problems(entries, today=None):
    """[(entry, message)] for every entry that breaks a rule, in the entries' order."""
    problems = []
    for entry in entries:
        message = future_date(entry, today)
        if message:
            problems.append((entry, message))
    by_indicator = defaultdict(list)
    for entry in entries:
        by_indicator[entry.indicator.pk].append(entry)
    for series in by_indicator.values():
        series.sort(key=lambda e: e.date)
        for before, after in zip(series, series[1:], strict=False):
            if before.date == after.date:
                problems.append(
                    (
                        after,
                        _("%(indicator)s has two values for %(date)s. Keep one.")
                        % {"indicator": after.indicator.name, "date": date_format(after.date)},
                    )
                )
            elif is_drop(before, after):
                problems.append((after, drop_message(before, after)))
    return problems


def is_drop(before, after):
    """A running total lower than the value before it (entries of one indicator, in
    date order)."""
    return after.indicator.cumulative and after.value < before.value


def cumulative_drops(entries):
    """[(before, after)] for each pair of consecutive dates where a running total goes
    down, so a caller can tell which of the two it brought (the import)."""
    by_indicator = defaultdict(list)
    for entry in entries:
        by_indicator[entry.indicator.pk].append(entry)
    drops = []
    for series in by_indicator.values():
        series.sort(key=lambda e: e.date)
        for before, after in zip(series, series[1:], strict=False):
            if before.date != after.date and is_drop(before, after):
                drops.append((before, after))
    return drops


def drop_message(before, after):
    return _(
        "%(indicator)s is a running total and cannot go down: %(new)s on %(new_date)s is "
        "lower than %(old)s on %(old_date)s. If the earlier value was wrong, correct it too."
    ) % {
        "indicator": after.indicator.name,
        "new": _number(after.value),
        "new_date": date_format(after.date),
        "old": _number(before.value),
        "old_date": date_format(before.date),
    }
