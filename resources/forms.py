"""The library's GET form: every field optional; a bad value makes only its own field
invalid, and the listing mixin ignores it and shows the message."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.facets import FacetsForm
from resources.facets import FACETS
from search.query import MAX_QUERY_LENGTH

SORTS = [
    ("relevance", _("Best match")),
    ("newest", _("Newest first")),
    ("title", _("Title, A to Z")),
    ("downloads", _("Most downloaded")),
]
FIRST_YEAR, LAST_YEAR = 1948, 2100  # WHO's founding year; later dates are typos


class LibraryFilterForm(FacetsForm):
    facets = FACETS

    q = forms.CharField(label=_("Search the library"), max_length=MAX_QUERY_LENGTH, required=False)
    year_from = forms.IntegerField(
        label=_("Published from (year)"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )
    year_to = forms.IntegerField(
        label=_("Published until (year)"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("year_from"), cleaned.get("year_to")
        if start and end and start > end:
            self.add_error("year_to", _("The last year must not be before the first year."))
        return cleaned
