"""Rebuild countries/data/world-110m.json from world-atlas's countries-110m.json.

world-atlas (npm, ISC licence) packages Natural Earth's 1:110m country shapes (public
domain) as TopoJSON. This command decodes the arcs, projects them (equirectangular,
Antarctica cropped), rounds to whole units and writes one SVG path per ISO 3166-1
alpha-2 code. See countries/data/README.md for how to fetch the input.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from countries.iso import countries

OUTPUT = Path(__file__).resolve().parents[2] / "data" / "world-110m.json"
WIDTH = 1000
NORTH, SOUTH = 84.0, -58.0  # crops Antarctica, which has no participating country
SCALE = WIDTH / 360


def decode_arcs(topology):
    """Absolute (lon, lat) points of every arc (TopoJSON stores quantized deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def project(lon, lat):
    lat = max(SOUTH, min(NORTH, lat))
    return round((lon + 180) * SCALE), round((NORTH - lat) * SCALE)


def unwrap(points):
    """Rings crossing the antimeridian (Russia's far east, Fiji) continue past 180°
    instead of jumping back across the map; the SVG's viewBox clips the overhang."""
    longitudes = [lon for lon, _lat in points]
    if max(longitudes) - min(longitudes) <= 180:
        return points
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]


def ring_path(points):
    """Relative SVG path of one ring, or "" when rounding leaves less than a triangle."""
    points = unwrap(points)
    projected = []
    for lon, lat in points:
        point = project(lon, lat)
        if not projected or point != projected[-1]:
            projected.append(point)
    if len(set(projected)) < 3:
        return ""
    (x0, y0), parts = projected[0], []
    previous = projected[0]
    for x, y in projected[1:]:
        parts.append(f"{x - previous[0]} {y - previous[1]}")
        previous = (x, y)
    return f"M{x0} {y0}l" + " ".join(parts).replace(" -", "-") + "z"


def geometry_path(geometry, arcs):
    polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}
    rings = [ring for polygon in polygons.get(geometry["type"], []) for ring in polygon]
    return "".join(ring_path(ring_points(ring, arcs)) for ring in rings)


class Command(BaseCommand):
    help = "Build countries/data/world-110m.json from world-atlas's countries-110m.json."

    def add_arguments(self, parser):
        parser.add_argument("topojson", help="Path to world-atlas/countries-110m.json")

    def handle(self, topojson, **options):
        topology = json.loads(Path(topojson).read_text())
        arcs = decode_arcs(topology)
        by_numeric = {numeric: alpha2 for alpha2, (numeric, _name) in countries().items()}
        shapes, unassigned = {}, []
        for geometry in topology["objects"]["countries"]["geometries"]:
            path = geometry_path(geometry, arcs)
            alpha2 = by_numeric.get(geometry.get("id"))
            if not path or alpha2 == "AQ":
                continue
            if alpha2:
                shapes[alpha2] = shapes.get(alpha2, "") + path
            else:
                unassigned.append(path)  # areas without an ISO code, drawn grey only
        height = round((NORTH - SOUTH) * SCALE)
        data = {
            "source": "Natural Earth 1:110m countries (public domain), via world-atlas 2",
            "viewBox": f"0 0 {WIDTH} {height}",
            "shapes": dict(sorted(shapes.items())),
            "unassigned": "".join(unassigned),
        }
        OUTPUT.write_text(json.dumps(data, separators=(",", ":")) + "\n")
        self.stdout.write(f"{len(shapes)} countries, {OUTPUT.stat().st_size} bytes: {OUTPUT}")
