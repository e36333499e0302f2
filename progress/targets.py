"""Targets as the public sees them: the English targets (the facts), named in each
language where translated, and how far the counted values have come towards each.

A target for one country is shown only while that country's page is public: its name on
the progress page, in open data or in the API would otherwise tell that it exists."""

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from core.i18n import in_language
from countries.figures import public_countries
from countries.models import Scope, Target


def public_targets():
    """The English targets, in the editors' order, with their indicator and country."""
    return (
        Target.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .filter(Q(country__isnull=True) | Q(country__in=public_countries().values("pk")))
        .select_related("indicator", "country")
        # Without a deadline last, on every database.
        .order_by("sort_order", F("deadline").asc(nulls_last=True), "pk")
    )


def translated_text(targets, language_code=None):
    """{translation key: (name, source)} in the active language (or `language_code`),
    for the targets translated into it: one query."""
    keys = [target.translation_key for target in targets]
    rows = in_language(Target.objects, keys, language_code)
    return {
        key: (name, source)
        for key, name, source in rows.values_list("translation_key", "name", "source")
    }


def names_in_every_language(targets):
    """{translation key: {language code: name}}, English included: one query."""
    names = {}
    rows = Target.objects.filter(translation_key__in=[t.translation_key for t in targets])
    for key, code, name in rows.values_list("translation_key", "locale__language_code", "name"):
        names.setdefault(key, {})[code] = name
    return names


def counted(target, figures, regions, totals):
    """The Total (countries.figures) that `target` is measured against, or None when
    nothing is counted yet. `regions` and `totals` are `figures.regions()` and
    `figures.totals()`, worked out once per page."""
    if target.scope == Scope.GLOBAL:
        return totals.get(target.indicator_id)
    if target.scope == Scope.REGION:
        _count, region_totals = regions.get(target.region, (0, {}))
        return region_totals.get(target.indicator_id)
    if target.country_id in figures.countries:
        return figures.totals({target.country_id}).get(target.indicator_id)
    return None


def deadline_state(target, today=None):
    """Whether the deadline is still to come ("open", today included), has "passed",
    or there is "none"."""
    if target.deadline is None:
        return "none"
    today = today or timezone.localdate()
    return "passed" if target.deadline < today else "open"
