"""The admin forms of country and story pages. A country page's indicator values: on the
English page only, checked as a series (countries/indicator_checks.py) before a draft is
saved. A story's draft: saved without the rules for submitting it (StoryPage.clean)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from core import locales
from countries.indicator_checks import Entry, series_problems

VALUES = "indicator_values"


class CountryPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.locale_id and self.instance.locale_id != locales.default().pk:
            # Translations show the English page's values and keep none of their own.
            self.formsets.pop(VALUES, None)
        elif VALUES in self.formsets:
            self.formsets[VALUES].extra = 1  # a row to fill in, without JavaScript

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get(VALUES)
        if formset is None or not formset.is_valid():
            return cleaned
        entries = [
            Entry(
                form.cleaned_data["indicator"],
                form.cleaned_data["date"],
                form.cleaned_data["value"],
                form,
            )
            for form in formset.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("indicator")
        ]
        problems = series_problems(entries)
        for entry, message in problems:
            entry.ref.add_error(None, message)
        if problems:
            # The page form's own message, so the editor's banner says where to look.
            raise ValidationError(
                _("Some indicator values need attention: see the Indicators table.")
            )
        return cleaned


class StoryPageForm(WagtailAdminPageForm):
    def clean(self):
        # Before the model's own clean (ModelForm._post_clean): a draft (autosave, "Save
        # draft") keeps what the editor has so far; submitting and publishing check it.
        self.instance.validating_draft = self.is_deferred_validation
        return super().clean()
