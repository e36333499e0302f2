"""Key figures for the home page, computed from the content so they never go stale."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core import visibility
from core.i18n import names_by_key
from countries.figures import indicator_totals, is_sample
from countries.models import CountryPage, IndicatorType
from resources.models import ResourcePage
from share.figures import stories_shared_by_the_public


def public_english(model):
    """How many pages of `model` the public can read in the English tree (translations
    share their English page): live and under no view restriction. No locale fallback:
    counted once per English page."""
    pages = visibility.public(model.objects.live()).filter(
        locale__language_code=settings.LANGUAGE_CODE
    )
    return pages.count()


def key_figures(home):
    """A list of {"value", "label"} dicts, in display order. `home` is the home page being
    shown: its page type tells which trees the portal is published in."""
    homes = visibility.public(Page.objects.type(type(home)).live())
    languages = homes.values("locale").distinct().count()
    # Labels as text in the active language: the figures are cached per language.
    return [
        {"value": public_english(CountryPage), "label": str(_("countries taking part"))},
        {"value": public_english(ResourcePage), "label": str(_("resources in the library"))},
        {"value": languages, "label": str(_("languages the portal is published in"))},
        {
            "value": stories_shared_by_the_public(),
            "label": str(_("stories shared by the public")),
        },
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
            "sample": any(is_sample(source) for source in total["sources"]),
        }
        for total in totals
    ]
