"""GET filter forms for the two listings. Unknown values make a field invalid; the
listing then ignores that filter and shows the form's message (portal/listing.py)."""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.i18n import with_locale_fallback
from core.taxonomy import Topic
from countries.choices import OBJECTIVE_SHORT, Region, Status


def _any(label):
    return [("", label)]


class CountryFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_any(_("Any status")) + Status.choices
    )
    region = forms.ChoiceField(
        label=_("WHO region"), required=False, choices=_any(_("Any region")) + Region.choices
    )


class StoryFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    objective = forms.ChoiceField(
        label=_("Objective"),
        required=False,
        choices=_any(_("Any objective")) + list(OBJECTIVE_SHORT.items()),
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args, **kwargs):
        from countries.models import CountryPage, StoryPage

        super().__init__(*args, **kwargs)
        # Only countries and topics that have a live story are offered, so no option
        # leads to an empty list. Slugs are the same in every language; names come from
        # the visitor's language where translated. One query each.
        has_story = Exists(StoryPage.objects.live().filter(path__startswith=OuterRef("path")))
        countries = (
            with_locale_fallback(CountryPage.objects.live()).filter(has_story).order_by("title")
        )
        self.fields["country"].choices = _any(_("Any country")) + [
            (slug, title) for slug, title in countries.values_list("slug", "title")
        ]
        used = Topic.objects.filter(stories__live=True).values("translation_key")
        topics = _localized(Topic.objects.filter(translation_key__in=used))
        self.fields["topic"].choices = _any(_("Any topic")) + [
            (slug, name) for slug, name in topics.values_list("slug", "name")
        ]


def _localized(snippets):
    """Snippets in the active locale, plus English ones not translated into it."""
    locale, default = Locale.get_active(), Locale.get_default()
    if locale.pk == default.pk:
        return snippets.filter(locale=locale)
    translated = snippets.filter(locale=locale).values("translation_key")
    return snippets.filter(locale__in=[locale, default]).exclude(
        locale=default, translation_key__in=translated
    )
