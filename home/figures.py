"""Key figures for the home page, computed from the content so they never go stale."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.i18n import names_by_key
from countries.figures import countries_taking_part, indicator_totals
from countries.models import IndicatorType
from resources.figures import live_english_resource_count
from share.figures import stories_shared_by_the_public


def key_figures(home):
    """A list of {"value", "label"} dicts, in display order. `home` is the home page being
    shown: its page type tells which trees the portal is published in."""
    languages = Page.objects.type(type(home)).live().values("locale").distinct().count()
    return [
        {"value": countries_taking_part(), "label": _("countries taking part")},
        {"value": live_english_resource_count(), "label": _("resources in the library")},
        {"value": languages, "label": _("languages the portal is published in")},
        {"value": stories_shared_by_the_public(), "label": _("stories shared by the public")},
    ]


def indicator_figures():
    """Portal-wide totals of the countries' latest indicator values, named in the
    visitor's language, each with its date and whether any value is sample data."""
    totals = indicator_totals()
    names = names_by_key(
        IndicatorType.objects, [t["indicator"].translation_key for t in totals], "name"
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
