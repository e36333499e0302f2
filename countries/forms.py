"""GET filter forms for the two listings. Unknown values make a field invalid; the
listing then ignores that filter and shows the form's message (core/listing.py).

The stories listing's filters are facets (core/facets.py), one menu each: a country
(the page a story is published under), an objective (one `advances_<key>` boolean
field each) and a topic; each menu lists only the values with stories under the other
filters, with their counts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.facets import BooleanFieldsFacet, Choice, Facet, SingleFacetField, taxonomy_choices
from core.taxonomy import Topic
from countries.choices import OBJECTIVE_SHORT, Region, Status
from countries.queries import country_choices


def _any(label):
    return [("", label)]


class CountryFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_any(_("Any status")) + Status.choices
    )
    region = forms.ChoiceField(
        label=_("WHO region"), required=False, choices=_any(_("Any region")) + Region.choices
    )


def objective_choices():
    return [Choice(key, label, f"advances_{key}") for key, label in OBJECTIVE_SHORT.items()]


# In the order of the form. The stories are StoryPage.objects (StoryQuerySet).
STORY_FACETS = [
    Facet(
        "country",
        _("Country"),
        "country_key",  # annotated by StoryQuerySet.with_country_key()
        country_choices,
        many=False,
        narrow=lambda stories, keys: stories.in_countries(keys),
    ),
    BooleanFieldsFacet("objective", _("Objective"), objective_choices),
    Facet(
        "topic",
        _("Topic"),
        "topics__translation_key",
        lambda: taxonomy_choices(Topic),
        narrow=lambda stories, keys: stories.with_topics(keys),
    ),
]
ANY = {"country": _("Any country"), "objective": _("Any objective"), "topic": _("Any topic")}


class StoryFilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Slugs are the same in every language; labels in the visitor's language. One
        # query for the topics, two for the countries.
        for facet in STORY_FACETS:
            self.fields[facet.name] = SingleFacetField(
                label=facet.label,
                facet_choices=facet.load_choices(),
                empty_label=ANY[facet.name],
                required=False,
            )

    def show_counts(self, counts_by_facet, filters):
        """Each menu lists only the values with stories under the other filters (and the
        one chosen), with their counts, so no option leads to an empty list."""
        for facet in STORY_FACETS:
            field, counts = self.fields[facet.name], counts_by_facet[facet.name]
            chosen = filters.get(facet.name, [])
            shown = [c for c in field.by_slug.values() if counts.get(c.key) or c in chosen]
            field.choices = field.menu(shown, {c.key: counts.get(c.key, 0) for c in shown})
