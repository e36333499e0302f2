"""Key figures for the home page, computed from the content so they never go stale."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page


def key_figures():
    """A list of {"value", "label"} dicts, in display order."""
    from countries.figures import countries_taking_part
    from home.models import HomePage
    from resources.figures import live_english_resource_count
    from share.figures import stories_shared_by_the_public

    languages = Page.objects.type(HomePage).live().values("locale").distinct().count()
    return [
        {"value": countries_taking_part(), "label": _("countries taking part")},
        {"value": live_english_resource_count(), "label": _("resources in the library")},
        {"value": languages, "label": _("languages the portal is published in")},
        {"value": stories_shared_by_the_public(), "label": _("stories shared by the public")},
    ]


def indicator_figures():
    """Portal-wide totals of the countries' latest indicator values, named in the
    visitor's language, each with its date and whether any value is sample data."""
    from countries.figures import indicator_totals
    from countries.models import IndicatorType

    totals = indicator_totals()
    names = dict(
        IndicatorType.objects.filter(
            locale=Locale.get_active(),
            translation_key__in=[t["indicator"].translation_key for t in totals],
        ).values_list("translation_key", "name")
    )
    return [
        {
            "value": total["total"],
            "label": names.get(total["indicator"].translation_key, total["indicator"].name),
            "as_of": total["as_of"],
            "sample": any("sample data" in source.lower() for source in total["sources"]),
        }
        for total in totals
    ]
