"""The subscription form, in the visitor's language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.facets import taxonomy_choices
from core.forms import EmailField, ErrorSummaryMixin
from core.taxonomy import Topic
from countries.queries import country_choices


class SubscribeForm(ErrorSummaryMixin, forms.Form):
    use_required_attribute = False  # the server's messages are read out; bubbles are not

    email = EmailField(
        label=_("Your email address"),
        help_text=_("We send a link to this address. Click it to start the emails."),
        error_messages={
            "required": _("Please write your email address."),
            "invalid": _("Please write an email address like name@example.org."),
        },
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Please choose countries from the list.")},
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Please choose topics from the list.")},
    )
    # A trap for bots: hidden from people and from screen readers.
    website = forms.CharField(label=_("Leave this empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["countries"].choices = [(c.slug, c.label) for c in country_choices()]
        self.fields["topics"].choices = [(c.slug, c.label) for c in taxonomy_choices(Topic)]

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("countries") or data.get("topics")):
            raise forms.ValidationError(_("Please choose at least one country or topic."))
        return data
