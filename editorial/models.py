"""Each editor's choice about the weekly email, and when it last went out."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DigestPreference(models.Model):
    # No row means the defaults: the email is on, none sent yet.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_preference"
    )
    weekly_digest = models.BooleanField(
        _("Send me the weekly email"),
        default=True,
        help_text=_(
            "Each Monday, an email with what waits for you and your country team. "
            "We send it only when something waits."
        ),
    )
    last_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("weekly email choice")

    def __str__(self):
        return str(self.user)
