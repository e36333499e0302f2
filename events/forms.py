"""The events listing's GET form: every field optional; an unknown value (a month 13, a
country that does not exist) makes only its own field invalid, and the listing ignores
it and says so (core/listing.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.facets import FacetsForm
from events.facets import FACETS

UPCOMING, PAST = "upcoming", "past"
VIEWS = [(UPCOMING, _("Upcoming events")), (PAST, _("Past events"))]


class EventFilterForm(FacetsForm):
    facets = FACETS

    view = forms.ChoiceField(label=_("When"), choices=VIEWS, required=False)
