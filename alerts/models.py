"""An email alert subscription. Only what running it needs is stored: the address, the
language, the choices, whether it is confirmed, and when the last digest went out; and a
keyed hash of the address, which unsubscribe links carry instead of the address."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from alerts import tokens


class Subscription(models.Model):
    email = models.EmailField(_("email"))
    # tokens.address_key(email): the same for every subscription of the address, so an
    # unsubscribe link keeps working after the person subscribes again.
    address_key = models.CharField(max_length=64, editable=False, db_index=True, default="")
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

    def save(self, *args, **kwargs):
        self.address_key = tokens.address_key(self.email)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "email" in update_fields:
            kwargs["update_fields"] = {*update_fields, "address_key"}
        super().save(*args, **kwargs)
