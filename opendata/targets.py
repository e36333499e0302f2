"""The targets data set: one row per public English target (progress/targets.py), its
name in each portal language in columns of its own, as the resources' titles."""

from django.conf import settings

from progress.targets import names_in_every_language, public_targets


def name_column(code):
    return f"name_{code}"


def target_columns():
    return [
        "id",
        "indicator",
        "value",
        "deadline",
        "scope",
        "region",
        "country_iso",
        "source",
        "source_url",
    ] + [name_column(code) for code, _name in settings.LANGUAGES]


def target_rows():
    # A few dozen rows at most: read at once, their names in one more query.
    targets = list(public_targets())
    names = names_in_every_language(targets)
    for target in targets:
        translated = names.get(target.translation_key, {})
        yield {
            "id": target.pk,
            "indicator": target.indicator.slug,
            "value": target.value,
            "deadline": target.deadline.isoformat() if target.deadline else "",
            "scope": target.scope,
            "region": target.region,
            "country_iso": target.country.iso_code if target.country else "",
            "source": target.source,
            "source_url": target.source_url,
            **{name_column(code): translated.get(code, "") for code, _name in settings.LANGUAGES},
        }
