"""Pages that must not be deleted, so nothing a team or the public wrote vanishes silently.

A page is kept while it, or a page below it, is an English (source) page with
translations in other languages, or while an app reports something attached to it
through the `page_deletion_blockers` Wagtail hook: a function taking a specific page and
returning plain-language reasons ("It has 3 shared experiences."). The admin's delete
views refuse with those reasons (core/wagtail_hooks.py); code that deletes such a page
anyway is stopped by a `pre_delete` receiver with `PageDeletionRefused`.
Unpublishing is the safe alternative: it hides a page and keeps everything.
"""

from django.conf import settings
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.models import Page

from core.languages import endonym

HOOK = "page_deletion_blockers"


class PageDeletionRefused(Exception):
    def __init__(self, page, reasons):
        self.page, self.reasons = page, reasons
        super().__init__(f"{page.title}: {' '.join(reasons)}")


def blockers(page):
    """[(page title, [reasons])] for `page` and the pages below it that must be kept."""
    subtree = list(page.get_descendants(inclusive=True).specific().select_related("locale"))
    elsewhere = translations_outside(subtree)
    found = []
    for each in subtree:
        reasons = []
        codes = elsewhere.get(each.translation_key)
        if codes and each.locale.language_code == settings.LANGUAGE_CODE:
            names = ", ".join(endonym(code) for code in sorted(codes))
            reasons.append(_("It is translated into %(languages)s.") % {"languages": names})
        for fn in hooks.get_hooks(HOOK):
            reasons.extend(fn(each))
        if reasons:
            found.append((each.get_admin_display_title(), reasons))
    return found


def translations_outside(subtree):
    """{translation_key: {language codes}} of translations and aliases of the subtree's
    pages that are not themselves in the subtree: one query."""
    keys = {page.translation_key for page in subtree}
    rows = (
        Page.objects.filter(translation_key__in=keys)
        .exclude(pk__in=[page.pk for page in subtree])
        .values_list("translation_key", "locale__language_code")
    )
    codes = {}
    for key, code in rows:
        codes.setdefault(key, set()).add(code)
    return codes


ADVICE = gettext_lazy(
    "Nothing was deleted. Unpublish the page instead: visitors no longer see it and "
    "nothing is lost. To delete it, first delete or move what is listed."
)


def message(found):
    lines = [f"{title}: {' '.join(reasons)}" for title, reasons in found]
    return format_lazy("{} {}", " ".join(lines), ADVICE)


@receiver(pre_delete, sender=Page, dispatch_uid="core-keep-pages-in-use")
def refuse_deleting_pages_in_use(sender, instance, **kwargs):
    """The last line of defence for code paths outside the admin's views. Each page of a
    deleted subtree is checked, so a parent's deletion cannot take a kept page with it."""
    found = blockers(instance)
    if found:
        raise PageDeletionRefused(instance, [str(message(found))])
