"""What the progress page shows, built from countries.figures (every value read once per
content version) in a constant number of queries: the country pages, the targets and
their names in the visitor's language, and the cached term and country name lists."""

from django.utils.translation import gettext as _

from core.facets import taxonomy_choices
from core.i18n import url_for_visitor
from countries.choices import Region
from countries.figures import is_sample, public_countries
from countries.models import IndicatorType, Scope
from countries.models.indicators import Kind
from countries.queries import country_choices
from progress import charts, maps, table, targets


def indicator_names():
    """{translation key: name in the visitor's language} (the cached term list)."""
    return {choice.key: choice.label for choice in taxonomy_choices(IndicatorType)}


def indicators(figures, kinds, totals, names):
    """Per indicator with values: its name, total, "as of" date, sample-data flag and
    the chart and table of its global total over time."""
    found = []
    for kind in kinds:
        series = figures.series(kind)
        found.append(
            {
                "slug": kind.slug,
                "name": names.get(kind.translation_key, kind.name),
                "cumulative": kind.kind != Kind.PER_PERIOD,
                "total": totals[kind.id],
                "series": series,
                "chart": charts.line_chart(series, steps=kind.kind != Kind.PER_PERIOD),
            }
        )
    return found


def target_entries(figures, totals, country_names, names, today):
    rows = list(targets.public_targets())
    translated = targets.translated_text(rows)
    regions = figures.regions()
    region_names = dict(Region.choices)
    entries = []
    for target in rows:
        name, source = translated.get(target.translation_key, (target.name, target.source))
        # Not yet translated: shown in English, marked so (and isolated in Arabic).
        english = target.translation_key not in translated
        total = targets.counted(target, figures, regions, totals)
        current = total.total if total else 0
        ratio = current / target.value if target.value else None
        if target.scope == Scope.COUNTRY:
            scope = country_names.get(target.country.translation_key, target.country.title)
        elif target.scope == Scope.REGION:
            scope = region_names.get(target.region, target.region)
        else:
            scope = ""
        entries.append(
            {
                "name": name,
                "source": source,
                "english": english,
                "source_url": target.source_url,
                "value": target.value,
                "current": current,
                "ratio": ratio,
                "reached": current >= target.value,
                "bar": charts.bar(ratio),
                "indicator": names.get(target.indicator.translation_key, target.indicator.name),
                "scope": scope,
                "as_of": total.as_of if total else None,
                "sample": bool(total and total.sample),
                "deadline": target.deadline,
                "deadline_state": targets.deadline_state(target, today),
            }
        )
    return entries


def country_pages():
    """What a row shows and links to: the English pages, without their text."""
    fields = ("title", "slug", "url_path", "path", "depth", "translation_key", "iso_code")
    return (
        public_countries()
        .select_related("locale")
        .only(*fields, "who_region", "locale__language_code")
        .order_by("pk")
    )


def progress_context(request, figures, sort, map_kind, today):
    """`sort`: (column, descending) from progress.table.parse_sort; `map_kind`: the
    indicator type the map shows (or None)."""
    names = indicator_names()
    country_names = {choice.key: choice.label for choice in country_choices()}
    kinds = figures.reported()
    totals = figures.totals()
    rows = table.build_rows(
        country_pages(),
        country_names,
        figures,
        kinds,
        lambda page: url_for_visitor(page, request),
    )
    column, descending = sort
    columns = [
        (table.DEFAULT_SORT, _("Country"), False),
        ("region", _("WHO region"), False),
        *((kind.slug, names.get(kind.translation_key, kind.name), True) for kind in kinds),
    ]
    return {
        "indicators": indicators(figures, kinds, totals, names),
        "targets": target_entries(figures, totals, country_names, names, today),
        "rows": table.sort_rows(rows, column, descending, kinds),
        "table_sample": any(
            reading and is_sample(reading.source) for row in rows for reading in row.values
        ),
        "headers": table.header_links(request, columns, column, descending),
        "regions": table.region_rows(figures, kinds),
        "map": maps.shaded_map(rows, map_kind) if map_kind else None,
        "map_name": names.get(map_kind.translation_key, map_kind.name) if map_kind else "",
        "map_links": map_links(request, kinds, map_kind, names),
    }


def map_links(request, kinds, shown, names):
    """A link per indicator that shades the map by it (the sort order kept)."""
    links = []
    for kind in kinds:
        query = request.GET.copy()
        query["map"] = kind.slug
        links.append(
            {
                "name": names.get(kind.translation_key, kind.name),
                "href": f"?{query.urlencode()}#map",
                "current": shown is not None and kind.id == shown.id,
            }
        )
    return links
