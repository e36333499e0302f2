"""Locale helpers for the fallback design described in docs/i18n.md.

Locale trees hold only what has been translated; a page that has no translation in the
visitor's language is served from the English tree under the visitor's prefix, with a
notice. These helpers keep URLs, the language switcher and listings consistent with that.
"""

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from core import locales, visibility
from core.languages import endonym


def active_language():
    return translation.get_language() or settings.LANGUAGE_CODE


def is_fallback(page):
    """True when the visitor reads `page` in another language than the one they chose:
    an English page under another prefix, or an alias (wagtail-localize creates aliases
    of untranslated parent pages, and an alias shows its source's content)."""
    active = locales.active()  # cached: no look-up of the page's locale
    if page.locale_id != active.pk or active.language_code != active_language():
        return True
    return page.alias_of_id is not None


def url_in_language(page, language_code, request=None):
    """The page's URL under another language prefix (paths are identical across locales)."""
    url = page.get_url(request=request)
    if not url:
        return url
    own_prefix = f"/{locales.language_of(page)}/"
    if own_prefix in url:
        head, _, tail = url.partition(own_prefix)
        return f"{head}/{language_code}/{tail}"
    return url


def localized_url(page, request=None):
    """Where a link to `page` should go for the visitor: its translation in the active
    language if one is live, otherwise the source page under the active prefix."""
    language = active_language()
    if locales.language_of(page) == language:
        return page.get_url(request=request)
    translated = page.get_translation_or_none(locales.active())
    if translated is not None and translated.live and translated.alias_of_id is None:
        return translated.get_url(request=request)
    return url_in_language(page, language, request)


def url_for_visitor(page, request=None):
    """The URL of a listed page under the visitor's prefix, with no query: its own URL
    when it is in the active language, otherwise the same path under the active prefix.
    For pages from `with_locale_fallback`, which holds only pages of the active locale or
    untranslated ones. No query: the locale's code comes from core.locales."""
    language = active_language()
    if locales.language_of(page) == language:
        return page.get_url(request=request)
    return url_in_language(page, language, request)


def in_language(queryset, keys, language_code=None):
    """The rows of `queryset` in the active language (or `language_code`) whose
    translation key is in `keys`, filtered by a join: no locale look-up first."""
    return queryset.filter(
        locale__language_code=language_code or active_language(), translation_key__in=keys
    )


def pages_by_key(queryset, keys, language_code=None):
    """{translation_key: page} for the pages of `queryset` in the active language (or
    `language_code`) whose translation key is in `keys`, their locale selected so that
    `url_for_visitor` needs no query: one query."""
    rows = in_language(queryset, keys, language_code).select_related("locale")
    return {page.translation_key: page for page in rows}


def names_by_key(queryset, keys, field="title", language_code=None):
    """{translation_key: `field`} for the rows of `queryset` in the active language (or
    `language_code`) whose translation key is in `keys`: one query, and no locale look-up
    first. Callers fall back to the source's own name for keys not translated."""
    return dict(in_language(queryset, keys, language_code).values_list("translation_key", field))


def live_translations(page, request=None):
    """{code, name, url, full_url} for each live translation of `page`, in the order of
    settings.LANGUAGES, `name` being the endonym. Never lists a language the page does
    not exist in."""
    pages = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True)
        .live()
        .filter(alias_of__isnull=True)
        .select_related("locale")
    }
    return [
        {
            "code": code,
            "name": endonym(code),
            "url": pages[code].get_url(request=request),
            "full_url": pages[code].get_full_url(request=request),
        }
        for code, _ in settings.LANGUAGES
        if code in pages
    ]


def view_translations(request):
    """{code, name, url} for the page a Django view shows, in every portal language, the
    query kept: its language switcher (a Wagtail page has `live_translations`)."""
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    return [
        {"code": code, "name": endonym(code), "url": translate_url(request.path, code) + query}
        for code, _name in settings.LANGUAGES
    ]


def publicly_visible(queryset, language_code=None):
    """What any public surface may show of `queryset` (pages): live, under no view
    restriction (password, logged-in users, groups) on the page or an ancestor, in the
    visitor's language with the English fallback. Feeds, listings, the library, country
    and home pages, open data, alert digests and search use this one queryset."""
    return with_locale_fallback(visibility.public(queryset.live()), language_code)


def with_locale_fallback(queryset, language_code=None):
    """Pages of the active locale, plus default-locale pages not translated into it.

    One query (translated keys are a subquery), so it pages in the database however
    large the library grows. The locales' ids are constants from the cache
    (core/locales.py): given a subquery instead, PostgreSQL guessed a twentieth of the
    real number of English pages and looped over them (the library's count at 10,000
    resources: 27 ms, against 6 ms). It filters only on `locale` and `translation_key`,
    which every page type declares as search filter fields, so the result can still be
    searched.
    """
    language = language_code or active_language()
    default_locale = [locales.default().pk]
    if language == settings.LANGUAGE_CODE:
        return queryset.filter(locale__in=default_locale)
    locale = [locales.for_language(language).pk]
    translated = Page.objects.filter(locale__in=locale, live=True, alias_of__isnull=True)
    return queryset.filter(
        Q(locale__in=locale)
        | (
            Q(locale__in=default_locale)
            & ~Q(translation_key__in=translated.values("translation_key"))
        )
    )
