"""What the public API (/api/v2/targets/, portal/api.py) shows of a target: the English
target's facts, its indicator by slug, its country by ISO code and its name in every
language it is translated into; `prefetch` loads the names for a batch in one query."""

from rest_framework import serializers
from wagtail.api import APIField

from progress.targets import names_in_every_language


def prefetch(targets):
    names = names_in_every_language(targets)
    for target in targets:
        target.api_names = names.get(target.translation_key, {})


class NamesField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, target):
        if not hasattr(target, "api_names"):
            prefetch([target])
        return target.api_names


FIELDS = [
    APIField("name"),
    APIField("names", serializer=NamesField()),
    APIField("indicator", serializer=serializers.CharField(source="indicator.slug")),
    APIField("value"),
    APIField("deadline"),
    APIField("scope"),
    APIField("region"),
    APIField(
        "country_iso",
        serializer=serializers.CharField(source="country.iso_code", allow_null=True),
    ),
    APIField("source"),
    APIField("source_url"),
]
