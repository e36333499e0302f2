"""The upload form: the file is read while the form is checked, so a file that cannot be
read is a form error like any other."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from countries.imports import reading


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File with indicator values (CSV or XLSX)"),
        help_text=_("Up to %(size)s and %(rows)s rows, with the columns of the template file."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["file"]
        field.help_text = field.help_text % {
            "size": filesizeformat(reading.MAX_BYTES),
            "rows": number_format(reading.MAX_ROWS, force_grouping=True),
        }
        self.rows = []

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.rows = reading.read(upload)
        except reading.Unreadable as refusal:
            raise ValidationError(str(refusal)) from None
        return upload
