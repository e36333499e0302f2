"""The weekly email's on/off switch in the admin's Account page, Notifications tab, for
country team members (the only people it is sent to). Registered in apps.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from editorial import digest
from editorial.models import DigestPreference


class DigestPreferenceForm(forms.ModelForm):
    class Meta:
        model = DigestPreference
        fields = ["weekly_digest"]


class DigestSettingsPanel(BaseSettingsPanel):
    name = "weekly_email"
    title = _("Weekly email")
    tab = notifications_tab
    order = 200
    form_class = DigestPreferenceForm

    def is_active(self):
        return digest.in_a_team(self.user)

    def get_form(self):
        # Unsaved until the form is saved: opening the page writes nothing.
        instance = DigestPreference.objects.filter(user=self.user).first()
        kwargs = {"instance": instance or DigestPreference(user=self.user), "prefix": self.name}
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)


def settings_panel(request, user, profile):
    return DigestSettingsPanel(request, user, profile)
