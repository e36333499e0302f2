"""Which language an indexed object is written in, shared by every backend here."""

from wagtail.models import Locale


def locale_languages():
    """{locale id: language code}; one query, made once per indexing batch."""
    return dict(Locale.objects.values_list("pk", "language_code"))


def language_of(obj, languages):
    """The object's language code, or None for objects that have no locale (images,
    documents without one)."""
    locale_id = getattr(obj, "locale_id", None)
    return languages.get(locale_id) if locale_id is not None else None


def is_indexable(obj):
    """Aliases repeat their source page's text in another locale (wagtail-localize makes
    them for untranslated parents): indexing them would show English text as French."""
    return getattr(obj, "alias_of_id", None) is None


class DatabaseFiltersMixin:
    """For query compilers of the database backends: they run the queryset's own SQL,
    so any filter works (a subquery, `alias_of__isnull`); the FilterField check exists
    for engines that must translate filters, such as Elasticsearch."""

    def _get_filters_from_queryset(self, check_only=False):
        if check_only:
            return None
        return super()._get_filters_from_queryset(check_only=check_only)
