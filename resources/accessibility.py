"""Accessibility features a resource can offer. One table drives the model fields, the
`access` filter and its facet, so adding a feature is one line here and a migration."""

from django.utils.translation import gettext_lazy as _

# (slug used in URLs, boolean field on ResourcePage, label)
ACCESS_FEATURES = [
    ("easy-read", "has_easy_read", _("Easy read version")),
    ("captions", "has_captions", _("Captions")),
    ("transcript", "has_transcript", _("Transcript")),
    ("sign-language", "has_sign_language", _("Sign language")),
    ("audio-description", "has_audio_description", _("Audio description")),
    ("accessible-pdf", "has_accessible_pdf", _("Accessible (tagged) PDF")),
]

FIELD_BY_SLUG = {slug: field for slug, field, _label in ACCESS_FEATURES}
