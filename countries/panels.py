"""The indicator values of a country page, edited as one table (indicator, date, value,
source per row) and compared by what changed rather than by row position."""

import functools
from datetime import date

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin import compare
from wagtail.admin.panels import FieldPanel, InlinePanel

from core import locales

VALUE_PANELS = [
    FieldPanel("indicator", widget=forms.Select),
    FieldPanel("date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")),
    FieldPanel("value", widget=forms.NumberInput(attrs={"min": 0, "step": 1})),
    FieldPanel("source"),
]


def _key(value):
    return (value.indicator_id, value.date)


class ValueComparison(compare.ChildObjectComparison):
    def get_position_change(self):
        return None  # the order of the rows means nothing


class IndicatorValuesComparison(compare.ChildRelationComparison):
    """Values are matched by indicator and date: a value is added, removed or changed
    (its number or source), never "moved"."""

    def get_child_comparison(self, obj_a, obj_b):
        return ValueComparison(self.field.related_model, self.field_comparisons, obj_a, obj_b)

    def get_child_comparisons(self):
        before = {_key(v): v for v in self.val_a.all()}
        after = {_key(v): v for v in self.val_b.all()}
        comparisons = []
        for key in sorted(before.keys() | after.keys(), key=lambda k: (k[0] or 0, k[1])):
            comparison = self.get_child_comparison(before.get(key), after.get(key))
            if comparison.is_addition() or comparison.is_deletion() or comparison.has_changed():
                comparisons.append(comparison)
        return comparisons

    def has_changed(self):
        return bool(self.get_child_comparisons())


class IndicatorTablePanel(InlinePanel):
    def __init__(self, relation_name="indicator_values", **kwargs):
        kwargs.setdefault("panels", VALUE_PANELS)
        super().__init__(relation_name, **kwargs)

    class BoundPanel(InlinePanel.BoundPanel):
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

        def get_comparison(self):
            field_comparisons = []
            for index, panel in enumerate(self.panel.child_edit_handler.children):
                field_comparisons.extend(
                    panel.get_bound_panel(
                        instance=None,
                        request=self.request,
                        form=None,
                        prefix=f"{self.prefix}-{index}",
                    ).get_comparison()
                )
            return [
                functools.partial(
                    IndicatorValuesComparison,
                    self.panel.db_field,
                    field_comparisons,
                    label=self.heading,
                )
            ]

        # The editor's script sees a plain panel: InlinePanel's script expects its own
        # (card) markup, and the table needs none of it (countries/js/indicator-table.js).
        telepath_adapter_name = "wagtail.panels.Panel"

        def js_opts(self):
            return {"type": "Panel", "prefix": self.prefix}

        def telepath_pack(self, context):
            return (self.telepath_adapter_name, [self.js_opts()])

        def get_context_data(self, parent_context=None):
            return super(InlinePanel.BoundPanel, self).get_context_data(parent_context)
