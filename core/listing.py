"""What every filterable listing page shares: a GET filter form, paging in the database,
and the querystring for removing one active filter. Pages supply three hooks."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from core import page_cache


class CountedPaginator(Paginator):
    """A Paginator given its count (kept in the cache) instead of counting in SQL."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


class DeferredQuerySet:
    """A queryset made only when something reads it. A library page whose count, ids and
    facet counts are kept (resources/library.py) needs neither its base nor its
    filtered query, three facets of subqueries: building them was a tenth of the page's
    time. Slicing, as the paginator does, defers too; anything else makes the queryset
    and is passed to it. It is not a QuerySet to `isinstance`: give it only to code that
    calls a queryset method on it first (the search code filters it by locale first)."""

    # The paginator asks, to warn about unordered pages: the library always orders them.
    ordered = True

    def __init__(self, make):
        self._make = make
        self._made = None

    def made(self):
        if self._made is None:
            self._made = self._make()
        return self._made

    def __getitem__(self, item):
        if isinstance(item, slice):
            return DeferredQuerySet(lambda: self.made()[item])
        return self.made()[item]

    def __iter__(self):
        return iter(self.made())

    def __len__(self):
        return len(self.made())

    def __getattr__(self, name):
        if name.startswith("_"):  # copy and pickle ask before __init__ has run
            raise AttributeError(name)
        return getattr(self.made(), name)


class FilterableListingMixin:
    """Mix into a Page. Subclasses implement:

    - `filter_form_class`: a Django form; every field optional. Unknown or malformed
      values make that field invalid and it is ignored, with the form's message shown.
    - `get_base_queryset(request)`: what is listed before filters (locale-aware).
    - `apply_filters(queryset, filters)`: `filters` holds only valid, non-empty values.

    and may implement `count_results(results, filters)`: the number of results when it
    is known without a query (None: the paginator counts them).
    """

    filter_form_class = None
    per_page = 20

    def get_base_queryset(self, request):
        raise NotImplementedError

    def apply_filters(self, queryset, filters):
        raise NotImplementedError

    def count_results(self, results, filters):
        return None

    def get_filters(self, form):
        form.is_valid()  # collects errors; valid fields are in cleaned_data either way
        return {
            name: value
            for name, value in getattr(form, "cleaned_data", {}).items()
            if name not in form.errors and value not in (None, "", [], ())
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.filter_form_class(request.GET or None)
        filters = self.get_filters(form) if request.GET else {}
        if form.is_bound and form.errors:
            # An ignored value shows the page with a message; any made-up value would
            # make one more cached page, so this answer is not kept.
            page_cache.expire_within(request, 0)
        queryset = self.apply_filters(self.get_base_queryset(request), filters)
        # get_page() answers `page=abc` with the first page and `page=10^9` with the
        # last: a visitor following an old link still gets results, never an error.
        count = self.count_results(queryset, filters)
        paginator = (
            Paginator(queryset, self.per_page)
            if count is None
            else CountedPaginator(queryset, self.per_page, count)
        )
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            filter_form=form,
            filters=filters,
            page_obj=page_obj,
            results=page_obj.object_list,
            is_filtered=bool(filters) or "page" in request.GET,
        )
        return context


def active_filter_links(request, filters, fields, skip=()):
    """{field, label, value, querystring} for each value of each active filter, the
    querystring being the request's without that value (nor a page number), so a
    person removes filters one at a time without JavaScript. `filters`: {name: value
    or list of values}, a value being a facets.Choice or a plain value; `fields`: the
    form's fields, for their labels (a facet's `label` will do). `label` is the
    filter's label too: the site search's name for it."""
    links = []
    for name, value in filters.items():
        if name in skip:
            continue
        field = fields[name]
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            raw = str(getattr(item, "slug", item))
            query = request.GET.copy()
            query.setlist(name, [v for v in query.getlist(name) if v != raw])
            query.pop("page", None)
            label = field.label or name
            links.append(
                {
                    "field": label,
                    "label": label,
                    "value": _label(field, item),
                    "querystring": "?" + query.urlencode() if query else "?",
                }
            )
    return links


def _label(field, item):
    if hasattr(item, "label"):  # a facets.Choice
        return item.label
    for choice_value, choice_label in getattr(field, "choices", []):
        if str(choice_value) == str(item):
            return choice_label
    return str(item)
