"""The events listing's GET form: every field optional; an unknown value (a month 13, a
country that does not exist) makes only its own field invalid, and the listing ignores
it and says so (core/listing.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.facets import FacetField
from events.facets import FACETS

UPCOMING, PAST = "upcoming", "past"
VIEWS = [(UPCOMING, _("Upcoming events")), (PAST, _("Past events"))]


class EventFilterForm(forms.Form):
    view = forms.ChoiceField(label=_("When"), choices=VIEWS, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for facet in FACETS:
            self.fields[facet.name] = FacetField(
                label=facet.label, facet_choices=facet.load_choices(), required=False
            )

    def facet_choices(self, name):
        return self.fields[name].by_slug.values()
