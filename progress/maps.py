"""The world map of the progress page: each country taking part shaded by its latest
value of one indicator (`?map=<slug>`), in at most four bins. Each bin has its own fill
and pattern, so the map never relies on colour alone; the legend names the ranges and
the table of countries is the map's text alternative. Shapes: countries/worldmap.py."""

import math
from dataclasses import dataclass

from countries.worldmap import world_map

BINS = 4


@dataclass
class Bin:
    number: int  # 1 (lowest) to BINS, or 0 for "no value": names the fill
    low: int | None = None  # the range is low < value <= high; None: open
    high: int | None = None
    countries: int = 0
    smallest: int | None = None  # the values in it
    largest: int | None = None

    @property
    def start(self):
        """The first whole number of the range."""
        return None if self.low is None else self.low + 1


@dataclass
class Place:
    """What world_map needs of a country (`iso_code`), and what its shape says."""

    iso_code: str
    name: str
    reading: object  # countries.figures.Reading or None
    bin: int


def round_up(value):
    """`value` rounded up to two significant figures: 13,521 -> 14,000."""
    if value < 100:
        return value
    power = 10 ** (math.floor(math.log10(value)) - 1)
    return math.ceil(value / power) * power


def make_bins(values):
    """Bins that split `values` (whole numbers) into groups of about equal size, with
    round limits; fewer bins when there are fewer different values."""
    ordered = sorted(values)
    if not ordered:
        return []
    limits = []
    for quarter in range(1, BINS):
        limit = round_up(ordered[math.ceil(len(ordered) * quarter / BINS) - 1])
        if limit < ordered[-1] and limit not in limits and (not limits or limit > limits[-1]):
            limits.append(limit)
    bins, low = [], None
    for number, high in enumerate([*limits, None], start=1):
        bins.append(Bin(number, low, high))
        low = high
    for value in ordered:
        found = bin_of(value, bins)
        found.countries += 1
        found.smallest = value if found.smallest is None else found.smallest
        found.largest = value
    return bins


def bin_of(value, bins):
    return next(b for b in bins if b.high is None or value <= b.high)


def shaded_map(rows, kind):
    """The map context (countries.worldmap.world_map) with a Place per country of
    `rows` (progress.table.Row), its bins, and the "no value" bin."""
    readings = {row.iso_code: row.cells.get(kind.id) for row in rows}
    bins = make_bins([reading.value for reading in readings.values() if reading])
    missing = Bin(0, countries=sum(1 for reading in readings.values() if reading is None))
    places = [
        Place(
            row.iso_code,
            row.name,
            readings[row.iso_code],
            bin_of(readings[row.iso_code].value, bins).number if readings[row.iso_code] else 0,
        )
        for row in rows
    ]
    drawn = world_map(places)
    drawn.update(bins=bins, missing=missing)
    return drawn
