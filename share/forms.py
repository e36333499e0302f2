"""The public form. Every field error is written for the sharer, in plain language."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from core.forms import EmailField, ErrorSummaryMixin
from countries.queries import country_choices
from share import conf
from share.choices import Role
from share.images import clean_image

NAME_CHOICES = [
    ("without", _("Publish my story without my name")),
    ("with", _("Publish my story with my name")),
]


class ShareForm(ErrorSummaryMixin, forms.Form):
    # Browsers' own required-field bubbles are not reliably read out; the server's
    # messages (summary and per field) are.
    use_required_attribute = False

    what_happened = forms.CharField(
        label=_("What happened?"),
        help_text=_(
            "Tell us what changed, for whom, and what helped. Write in any language. "
            "Do not write other people's names unless they agreed."
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": _("Please write what happened.")},
    )
    country = forms.ChoiceField(
        label=_("Country"),
        error_messages={
            "required": _("Please choose the country where it happened."),
            "invalid_choice": _("Please choose a country from the list."),
        },
    )
    role = forms.ChoiceField(
        label=_("Who are you?"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose the answer that fits you best.")},
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = EmailField(
        label=_("Your email address (optional)"),
        help_text=_("Only the country team sees it. We use it only if you allow it below."),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Please check the email address, e.g. name@example.org.")},
    )
    image = forms.FileField(
        label=_("A photo (optional)"),
        help_text=_(
            "JPEG, PNG or WebP. Only send a photo you took, and only with the agreement of "
            "the people in it. We remove the place and camera details from it."
        ),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    consent_publish = forms.BooleanField(
        label=_("You may publish my story on this portal."),
        help_text=_(
            "The country team may shorten it or correct spelling. "
            "They will not change what it means."
        ),
        required=False,
    )
    publish_name = forms.ChoiceField(
        label=_("Your name on the story"),
        choices=NAME_CHOICES,
        initial="without",
        widget=forms.RadioSelect,
    )
    consent_contact = forms.BooleanField(
        label=_("You may email me about my story."),
        help_text=_("For example, to ask a question before publishing it."),
        required=False,
    )
    # A trap for bots: hidden from people (CSS and the accessibility tree), filled by bots.
    website = forms.CharField(label=_("Leave this empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country"))] + [
            (choice.slug, choice.label) for choice in country_choices()
        ]
        # No maxlength attribute: browsers would cut pasted text silently.
        self.fields["what_happened"].validators.append(
            MaxLengthValidator(
                conf.get("SHARE_MAX_TEXT_CHARS"),
                message=_(
                    "Please shorten your text to %(limit_value)d characters or fewer "
                    "(it has %(show_value)d)."
                ),
            )
        )
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        return clean_image(upload) if upload else None

    def clean(self):
        data = super().clean()
        if data.get("publish_name") == "with" and data.get("consent_publish"):
            if not data.get("name", "").strip():
                self.add_error("name", _("Write your name, or choose to publish without it."))
        if data.get("consent_contact") and not data.get("email"):
            self.add_error("email", _("Write your email address, or untick “You may email me”."))
        return data
