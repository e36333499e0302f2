"""Look-ups of countries shared by every app that offers them: the library's facet, the
stories listing, the share form and the alerts form."""

from django.conf import settings

from core import fragments, visibility
from core.facets import Choice, by_label
from core.i18n import active_language, names_by_key
from countries.models.country_page import CountryPage


def country_choices():
    """A Choice per live, public country: its English slug, as in its URL (`kenya`), its
    name in the active language where translated, keyed by translation key: two
    queries, none while public content is unchanged (core/fragments.py). A country under
    a view restriction is offered nowhere: its name in a menu would tell the public it
    exists."""
    return fragments.cached("countries", _country_choices, active_language())


def _country_choices():
    live = visibility.public(CountryPage.objects.live())
    english = list(
        live.filter(locale__language_code=settings.LANGUAGE_CODE).values_list(
            "slug", "title", "translation_key"
        )
    )
    names = names_by_key(live, [key for _slug, _title, key in english])
    return by_label(Choice(slug, names.get(key, title), key) for slug, title, key in english)


def english_countries(slugs):
    """The live, public English country pages with these slugs, as in their URLs: their
    translation keys identify the countries in every language."""
    return visibility.public(CountryPage.objects.live()).filter(
        locale__language_code=settings.LANGUAGE_CODE, slug__in=slugs
    )
