"""What a page tells search engines and link previews: description, Open Graph and
Twitter card tags, and schema.org JSON-LD (a BreadcrumbList on every page, plus the
page's own item: a `structured_data` dict in its template context, or the page type's
`structured_data(request)` method)."""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import to_locale
from wagtail.models import Page, Site

from core import fragments, i18n

DESCRIPTION_FIELDS = ("summary", "intro")
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def meta_description(page):
    text = page.search_description
    for field in DESCRIPTION_FIELDS:
        if not text:
            text = getattr(page, field, "") or ""
    return Truncator(strip_tags(str(text)).strip()).chars(160)


def breadcrumbs(page, request=None):
    """Home to `page`, in the visitor's language where a translation exists. The
    ancestors' part is the same for every visitor until public content changes, so it
    is cached (core/fragments.py); the page's own crumb is its current title (a preview)."""
    if not page.path or not page.depth or page.depth <= 2:
        above = []
    else:
        site = Site.find_for_request(request) if request else None
        above = fragments.cached(
            "breadcrumbs",
            lambda: _crumbs(Page.objects.ancestor_of(page).filter(depth__gte=2), request),
            page.path[: -Page.steplen],
            i18n.active_language(),
            site and site.pk,
        )
    # The page being shown is at the visitor's own address (no translation look-up).
    return above + [{"title": page.title, "url": i18n.url_for_visitor(page, request)}]


def _crumbs(pages, request):
    return [{"title": p.title, "url": i18n.localized_url(p, request)} for p in pages]


def structured_data(page, request, extra=None):
    """A BreadcrumbList, then the page's own schema.org item: `extra` (what the page's
    context computed) or else the page type's `structured_data(request)`."""
    crumbs = breadcrumbs(page, request)
    data = [
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": crumb["title"],
                    "item": request.build_absolute_uri(crumb["url"]),
                }
                for position, crumb in enumerate(crumbs, start=1)
            ],
        }
    ]
    if extra is None:
        own = getattr(page.specific_deferred, "structured_data", None)
        extra = own(request) if own is not None else None
    if extra:
        data.append({"@context": "https://schema.org", **extra})
    return data


def json_ld(data):
    """A <script type="application/ld+json"> body that cannot close the script early."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))


def og_locale(language_code):
    """Open Graph wants `fr_FR`-style locales; `fr` and `zh_Hans` are accepted as is."""
    return to_locale(language_code)
