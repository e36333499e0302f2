"""The active and default `Locale` rows without a query each time.

Wagtail's `Locale.get_active()` and `get_default()` read the table on every call, and a
page makes a dozen such calls (term lists, links, the menu). Locales change only in the
admin's Locales view, which changes the public content version (core/freshness.py
watches the model), so the rows are cached under that version."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from core import fragments


def for_language(code):
    """The locale of language `code` (the default locale when it has none), cached."""

    def look_up():
        try:
            return Locale.objects.get_for_language(code)
        except (Locale.DoesNotExist, LookupError):
            return Locale.get_default()

    return fragments.cached("locale", look_up, code)


def active():
    """`Locale.get_active()`, cached."""
    return for_language(translation.get_language() or settings.LANGUAGE_CODE)


def default():
    """`Locale.get_default()`, cached."""
    return for_language(settings.LANGUAGE_CODE)


def code_of(locale_id):
    """The language code of a locale by its id (`page.locale_id`), with no query: the
    pages of a listing need not select their locale to be linked."""
    codes = fragments.cached(
        "locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )
    return codes.get(locale_id) or Locale.objects.get(pk=locale_id).language_code


def language_of(page):
    """The language code of `page`'s locale: from the locale selected with it if it
    was, otherwise from `code_of`; never a query of its own once warm."""
    if "locale" in page._state.fields_cache:
        return page.locale.language_code
    return code_of(page.locale_id)
