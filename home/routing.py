"""Finding the page at a path in one query instead of two per level.

Wagtail's `Page.route` walks a path a level at a time: the child with the next slug,
then its specific row, so a story four levels down costs eight queries before its view
runs. Within one locale tree a page's `url_path` is unique (sibling slugs are), so every
page along the path is found at once by its `url_path`; only the last one is loaded as
its specific type and routes what remains (a resource's `download/<id>/`). When a page
along the way routes its own paths (a `RoutablePageMixin` index), Wagtail's walk runs
instead, so such a page still answers first."""

from django.http import Http404
from wagtail.models import Page, PageViewRestriction

from core import visibility


def route(root, request, components):
    """What `Page.route(root, ...)` returns, for a tree root `root` (a home page)."""
    prefixes = ["/".join(components[: n + 1]) + "/" for n in range(len(components))]
    found = list(
        Page.objects.filter(
            url_path__in=[root.url_path + prefix for prefix in prefixes],
            path__startswith=root.path,
            depth__gt=root.depth,
        ).order_by("depth")
    )
    if not found:
        raise Http404
    for level, page in enumerate(found):
        if page.depth != root.depth + 1 + level:  # not a chain from the root: let Wagtail say
            return Page.route(root, request, components)
    for page in found[:-1]:
        if page.specific_class is None or page.specific_class.route is not Page.route:
            return Page.route(root, request, components)
    last_class = found[-1].specific_class or Page
    if len(found) < len(components) and last_class.route is Page.route:
        raise Http404  # no child with the next slug, and no route of its own to ask
    last = _specific(found[-1])
    last._cached_parent_obj = found[-2] if len(found) > 1 else root
    skip_restriction_lookup(last, [root, *found])
    return last.route(request, components[len(found) :])


def skip_restriction_lookup(page, chain):
    """Spare Wagtail's view restriction check its queries (the ancestors' aliases, their
    sources, then the restrictions) when the answer is already known (core/visibility.py,
    cached): no page is restricted at all, or no page from the tree root to `page`
    (`chain`, as routing loaded it) is an alias, whose source's restrictions would
    apply, and no restricted section holds it."""
    if not visibility.restricted_paths():
        pass  # no restriction anywhere, whatever the aliases
    elif any(p.alias_of_id for p in chain) or not visibility.is_public(page):
        return
    page.get_view_restrictions = PageViewRestriction.objects.none


def _specific(page):
    """The page as its own type, with what its page type asks to be selected along
    (`route_select_related`: a resource's type and cover), in one query."""
    model = page.specific_class
    if model is None:
        return page.specific
    related = getattr(model, "route_select_related", ())
    return model._default_manager.select_related(*related).get(pk=page.pk)
