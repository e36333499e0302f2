"""ISO 3166-1 country codes, from the committed table in countries/data (see its README)."""

import json
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

TABLE = Path(__file__).resolve().parent / "data" / "iso3166-1.json"


@cache
def countries():
    """{alpha-2: (numeric, English short name)} for every officially assigned code."""
    return {alpha2: (numeric, name) for alpha2, numeric, name in json.loads(TABLE.read_text())}


def validate_alpha2(value):
    if value not in countries():
        raise ValidationError(
            _("%(value)s is not an ISO 3166-1 alpha-2 country code."),
            code="invalid_iso_code",
            params={"value": value},
        )
