"""The world map on the country index: shapes from countries/data/world-110m.json (built
by `manage.py build_world_map`), drawn server-side in countries/includes/world_map.html."""

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "world-110m.json"


@cache
def shapes():
    return json.loads(DATA.read_text())


def world_map(countries):
    """Context for the map: `countries` are CountryPages with `listing_url`. Every other
    shape is merged into one grey path, which keeps the page small."""
    data = shapes()
    participating = {country.iso_code: country for country in countries}
    background = "".join(path for code, path in data["shapes"].items() if code not in participating)
    return {
        "view_box": data["viewBox"],
        "background": background + data["unassigned"],
        "countries": [
            {"page": country, "path": data["shapes"][code]}
            for code, country in participating.items()
            if code in data["shapes"]
        ],
    }
