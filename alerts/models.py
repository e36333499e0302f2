"""An email alert subscription. Only what running it needs is stored: the address, the
language, the choices, whether it is confirmed, and when the last digest went out."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    email = models.EmailField(_("email"))
    language = models.CharField(max_length=10)
    # English slugs, as in the library's and the stories' filters.
    countries = models.JSONField(default=list, blank=True)
    topics = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("email alert subscription")
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return self.email
