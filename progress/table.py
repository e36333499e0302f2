"""The table of countries on the progress page, sorted by a GET parameter, and the
table by WHO region.

`?sort=country`, `region` or an indicator's slug, with a "-" before it for the reverse
order: plain links in the column headers, no JavaScript. Countries without a value for
the indicator sorted on come last either way."""

from dataclasses import dataclass, field

from countries.choices import Region

DEFAULT_SORT = "country"


@dataclass
class Row:
    name: str
    url: str
    iso_code: str
    region: str
    region_name: str
    cells: dict = field(default_factory=dict)  # {indicator id: Reading}
    values: list = field(default_factory=list)  # Reading or None, in the columns' order


def parse_sort(value, kinds):
    """(column, descending) for a `sort` value, or None when it names no column."""
    descending = value.startswith("-")
    column = value.removeprefix("-")
    if column in (DEFAULT_SORT, "region") or column in {kind.slug for kind in kinds}:
        return column, descending
    return None


def build_rows(pages, names, figures, kinds, url_for):
    """A Row per public English country page: its name in the visitor's language
    (`names`: {translation key: name}) and its latest value of each of `kinds`."""
    regions = dict(Region.choices)
    rows = []
    for page in pages:
        cells = figures.of_country(page.pk)
        rows.append(
            Row(
                name=names.get(page.translation_key, page.title),
                url=url_for(page),
                iso_code=page.iso_code,
                region=page.who_region,
                region_name=str(regions.get(page.who_region, page.who_region)),
                cells=cells,
                values=[cells.get(kind.id) for kind in kinds],
            )
        )
    return rows


def sort_rows(rows, column, descending, kinds):
    by_name = sorted(rows, key=lambda row: row.name.casefold())
    if column == DEFAULT_SORT:
        return by_name[::-1] if descending else by_name
    if column == "region":
        return sorted(by_name, key=lambda row: row.region_name.casefold(), reverse=descending)
    kind = next(kind for kind in kinds if kind.slug == column)
    valued = [row for row in by_name if kind.id in row.cells]
    empty = [row for row in by_name if kind.id not in row.cells]
    valued.sort(key=lambda row: row.cells[kind.id].value, reverse=descending)
    return valued + empty


def header_links(request, columns, column, descending):
    """{label, href, sort ("ascending", "descending" or None)} per column of `columns`,
    [(slug, label, numeric)]: a header's link sorts by its column, or reverses the
    order of the sorted one. Names sort A to Z first, numbers largest first."""
    links = []
    for slug, label, numeric in columns:
        current = slug == column
        reverse = not descending if current else numeric
        query = request.GET.copy()
        query["sort"] = f"-{slug}" if reverse else slug
        links.append(
            {
                "label": label,
                "href": f"?{query.urlencode()}#countries",
                "sort": ("descending" if descending else "ascending") if current else None,
                "numeric": numeric,
            }
        )
    return links


def region_rows(figures, kinds):
    """Per WHO region with countries taking part: its name, the number of countries
    and each indicator's total, in the regions' usual order."""
    found = figures.regions()
    rows = []
    for code, name in Region.choices:
        if code in found:
            count, totals = found[code]
            totals = [totals.get(kind.id) for kind in kinds]
            rows.append({"name": name, "countries": count, "totals": totals})
    return rows
