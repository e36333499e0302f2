"""Inline panels of country pages: rows that moderators compare by what they hold rather
than by their position or id (`RowsPanel`), and the indicator values edited as one table
(indicator, date, value, source per row)."""

import functools
from datetime import date

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel

from core import locales
from countries.comparison import RowsComparison

VALUE_PANELS = [
    FieldPanel("indicator", widget=forms.Select),
    FieldPanel("date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")),
    FieldPanel("value", widget=forms.NumberInput(attrs={"min": 0, "step": 1})),
    FieldPanel("source"),
]


class RowsPanel(InlinePanel):
    """An inline panel whose rows moderators compare by what they hold
    (countries/comparison.py). `key` names the fields that say which row is which: a row
    with the same key and other values is changed, not removed and added."""

    def __init__(self, relation_name, key=(), **kwargs):
        super().__init__(relation_name, **kwargs)
        self.key = tuple(key)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "key": self.key}

    class BoundPanel(InlinePanel.BoundPanel):
        def get_comparison(self):
            return [
                functools.partial(RowsComparison, *c.args, key=self.panel.key, **c.keywords)
                for c in super().get_comparison()
            ]


class IndicatorTablePanel(RowsPanel):
    """Values are matched by indicator and date: a value is added, removed or changed (its
    number or source), never "moved"."""

    def __init__(self, relation_name="indicator_values", **kwargs):
        kwargs.setdefault("panels", VALUE_PANELS)
        kwargs.setdefault("key", ("indicator", "date"))
        super().__init__(relation_name, **kwargs)

    class BoundPanel(RowsPanel.BoundPanel):
        template_name = "countries/admin/indicator_table.html"

        def __init__(self, **kwargs):
            form = kwargs.get("form")
            # A translation has no values of its own (countries/page_forms.py drops the
            # formset): the panel says where they are kept instead.
            self.kept_on_english = form is not None and "indicator_values" not in form.formsets
            if self.kept_on_english:
                super(InlinePanel.BoundPanel, self).__init__(**kwargs)
                self.label = self.panel.label
                return
            super().__init__(**kwargs)
            if self.form is None:
                return
            for subform in [*self.formset.forms, self.formset.empty_form]:
                subform.fields[DELETION_FIELD_NAME].widget = forms.CheckboxInput()
                subform.fields[DELETION_FIELD_NAME].label = _("Remove")
                if ORDERING_FIELD_NAME in subform.fields:
                    subform.fields[ORDERING_FIELD_NAME].widget = forms.HiddenInput()
            self.rows = sorted(
                self.formset.forms,
                key=lambda f: (
                    f.instance.pk is None,
                    f.instance.indicator_id or 0,
                    f.instance.date or date.max,
                ),
            )

        def english_edit_url(self):
            english = self.instance.get_translation_or_none(locales.default())
            return reverse("wagtailadmin_pages:edit", args=[english.pk]) if english else ""

        # The editor's script sees a plain panel: InlinePanel's script expects its own
        # (card) markup, and the table needs none of it (countries/js/indicator-table.js).
        telepath_adapter_name = "wagtail.panels.Panel"

        def js_opts(self):
            return {"type": "Panel", "prefix": self.prefix}

        def telepath_pack(self, context):
            return (self.telepath_adapter_name, [self.js_opts()])

        def get_context_data(self, parent_context=None):
            return super(InlinePanel.BoundPanel, self).get_context_data(parent_context)
