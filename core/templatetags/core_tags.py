import hashlib

from django import template
from django.template.loader import get_template
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from core import facet_cache, fragments, i18n, locales, seo, visibility
from core.languages import bcp47 as to_bcp47
from core.languages import endonym as to_endonym
from core.languages import list_separator as separator_for

register = template.Library()


@register.filter
def isolate(text):
    """`text` in a <bdi>, so a name in another script (an English term on an Arabic page)
    does not reorder the punctuation around it."""
    return format_html("<bdi>{}</bdi>", text)


@register.filter
def bcp47(code):
    return to_bcp47(code)


@register.filter
def direction(code):
    """`rtl` or `ltr` for a language code, from Django's language data."""
    return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"


@register.simple_tag
def list_separator():
    """Between the items of an inline list, in the visitor's language."""
    return separator_for(i18n.active_language())


@register.filter
def endonym(code):
    return to_endonym(code)


@register.simple_tag
def language_names(codes):
    """The languages of `codes` by their own names, each marked with its language and
    direction, joined by the visitor's list separator ("Available in: ...")."""
    return format_html_join(
        list_separator(),
        '<span lang="{}" dir="{}">{}</span>',
        ((to_bcp47(code), direction(code), to_endonym(code)) for code in codes),
    )


FACET_CHECKBOXES = "core/includes/facet_checkboxes.html"


@register.simple_tag
def facet_checkboxes(groups, isolate_labels=False):
    """The checkboxes of a GET filter form (core/includes/facet_checkboxes.html), one
    fieldset per facet group (core.facets.options). Kept under what they show: the same
    labels, counts and ticks make the same markup, so a listing asked for again with
    the same filters does not render its checkboxes again (48 on the library: a
    millisecond). The key holds exactly what the template reads, so it never goes stale."""
    shown = repr(([_shown(group) for group in groups], bool(isolate_labels)))
    key = "facet-checkboxes:" + hashlib.sha256(shown.encode()).hexdigest()[:40]

    def render():
        return get_template(FACET_CHECKBOXES).render(
            {"facets": groups, "isolate_labels": isolate_labels}
        )

    # An hour, as facet counts: a typed search makes its own counts, and so its own entry.
    markup = fragments.versioned(key, render, timeout=facet_cache.TIMEOUT)
    return mark_safe(markup)  # noqa: S308 (the template escaped it)


def _shown(group):
    # Labels as text: a lazy translation's repr does not change with the language.
    options = [(o["slug"], str(o["label"]), o["count"], o["checked"]) for o in group["options"]]
    return group["name"], str(group["label"]), options


PAGE_HEAD = "core/includes/page_head.html"


@register.simple_tag(takes_context=True)
def page_head(context, page):
    """The page's links and metadata in <head>: its translations, canonical address,
    description, Open Graph, JSON-LD and feeds. The same for everyone at this address
    until public content changes, so kept under the content version, per language and
    address (a millisecond of every page). A preview shows a draft under the live
    page's id: made each time."""
    request = context.get("request")

    def render():
        return context.template.engine.get_template(PAGE_HEAD).render(context)

    if request is None or page.pk is None or getattr(request, "is_preview", False):
        return render()
    address = request.build_absolute_uri(request.path)
    markup = fragments.cached(
        "page-head",
        render,
        page.pk,
        i18n.active_language(),
        hashlib.sha256(address.encode()).hexdigest()[:40],
    )
    return mark_safe(markup)  # noqa: S308 (the template escaped it)


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    return i18n.localized_url(page, context.get("request"))


@register.simple_tag
def localized_page(page):
    """The page's live translation in the active language, or the page itself."""
    translated = page.get_translation_or_none(locales.active())
    if translated is not None and translated.live and translated.alias_of_id is None:
        return translated
    return page


def _site_id(request):
    site = Site.find_for_request(request) if request else None
    return site.pk if site else None


@register.simple_tag(takes_context=True)
def language_links(context, page):
    request = context.get("request")
    if page.pk is None:  # the preview of a page not yet saved
        return i18n.live_translations(page, request)
    # The same for every language: cached per page and site (relative URLs depend on it).
    return fragments.cached(
        "language-links",
        lambda: i18n.live_translations(page, request),
        page.pk,
        _site_id(request),
    )


@register.simple_tag
def is_fallback(page):
    return i18n.is_fallback(page)


@register.simple_tag(takes_context=True)
def main_menu(context, current=None):
    """Sections shown in the header: the site root's in-menu children, each replaced by
    its live translation where there is one. Cached per site and language; only which
    item is current is worked out per page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    # The same for every visitor: only public pages, nothing about who is asking.
    sections = fragments.cached(
        "menu", lambda: _menu_sections(site, request), site.pk, i18n.active_language()
    )
    return [
        {"title": s["title"], "url": s["url"], "current": _current(current, *s["sections"])}
        for s in sections
    ]


def _menu_sections(site, request):
    sections = list(
        visibility.public(site.root_page.get_children().live()).in_menu().select_related("locale")
    )
    if not sections:
        return []
    translated = i18n.pages_by_key(
        visibility.public(Page.objects.live()), [s.translation_key for s in sections]
    )
    items = []
    for section in sections:
        shown = translated.get(section.translation_key, section)
        items.append(
            {
                "title": shown.title,
                "url": i18n.url_for_visitor(shown, request),
                # (pk, path) of the section and of its translation, for _current.
                "sections": [(section.pk, section.path), (shown.pk, shown.path)],
            }
        )
    return items


def _current(page, *sections):
    """aria-current value for a menu item: "page" on the section itself, "true" below it.
    `sections` are (pk, path) pairs."""
    # Pages without a `page` (404, 500) pass the template engine's "" for it.
    if not isinstance(page, Page):
        return ""
    for pk, path in sections:
        if page.pk == pk:
            return "page"
        if page.path.startswith(path):
            return "true"
    return ""


@register.simple_tag(takes_context=True)
def page_meta(context, page):
    """Description, Open Graph values and JSON-LD for the page being shown. A page type
    may define `meta_image_url(request)` and `structured_data(request)`."""
    request = context["request"]
    specific = page.specific_deferred
    image = getattr(specific, "meta_image_url", None)
    return {
        "description": seo.meta_description(specific),
        "og_type": getattr(specific, "og_type", "website"),
        "url": request.build_absolute_uri(request.path),
        "og_locale": seo.og_locale(i18n.active_language()),
        "image": image(request) if image else "",
        "json_ld": seo.json_ld(seo.structured_data(page, request, context.get("structured_data"))),
    }
