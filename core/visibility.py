"""Pages under a view restriction, without a query per listing.

Wagtail's `PageQuerySet.public()` (and `not_public()`, `private()`) reads every
`PageViewRestriction` each time it is called: a query per listing, several per page.
The restricted sections change only when a restriction is added, changed or removed, or
a page moves or is deleted, and each of those changes the public content version
(core/freshness.py); so their paths are kept in the cache under that version, and
`install()` makes Wagtail's methods filter on them with no query of their own. A
workaround for an upstream gap, in one module: delete it when Wagtail caches this itself.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from core import fragments, freshness

TIMEOUT = 60 * 60 * 24


def restricted_paths():
    """The tree paths of every restricted page (their descendants are restricted too)."""
    return fragments.versioned(
        f"visibility:restricted:{freshness.version()}",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
        TIMEOUT,
    )


def private_q():
    """Wagtail's `PageQuerySet.private_q()`: a restricted page and its descendants share
    its path as a prefix. Matches nothing when no page is restricted."""
    restricted = Q()
    for path in restricted_paths():
        restricted |= Q(path__startswith=path)
    return restricted if restricted else Q(pk__in=[])


def public(queryset):
    """`queryset.public()`, from the cached paths."""
    return queryset.exclude(private_q())


def is_public(page):
    """`page` is in no restricted section (whether it is live is not asked)."""
    return not any(page.path.startswith(path) for path in restricted_paths())


def install():
    """Every `.public()`, `.not_public()` and `.private()` in the project and in Wagtail
    reads the cached paths (called once, from core.apps)."""
    PageQuerySet.private_q = lambda queryset: private_q()
