"""What the portal's public forms share."""

from django import forms


class ErrorSummaryMixin:
    """For portal/includes/error_summary.html: each error links to the input to fix."""

    def error_links(self):
        """(anchor, message) pairs. A group of radios or checkboxes has no element with
        the field's own id, so its errors link to its first input (`id_topics_0`)."""
        links = []
        for field in self:
            grouped = isinstance(
                field.field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)
            )
            anchor = field.auto_id + ("_0" if grouped else "")
            links += [(anchor, error) for error in field.errors]
        return links
