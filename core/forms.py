"""What the portal's public forms share."""

from django import forms
from django.utils.translation import gettext_lazy as _

# Django's model EmailField is a 254-character column, while its validator accepts up to
# 320 characters: a longer address would pass the form and fail in the database
# (PostgreSQL), losing what the person wrote.
EMAIL_MAX_LENGTH = 254


class EmailField(forms.EmailField):
    """An email address that fits the portal's columns, refused with a plain message."""

    def __init__(self, **kwargs):
        messages = {
            "max_length": _(
                "This email address is too long. Please use one of at most %(limit_value)d "
                "characters."
            ),
            **kwargs.pop("error_messages", {}),
        }
        super().__init__(max_length=EMAIL_MAX_LENGTH, error_messages=messages, **kwargs)


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
