"""When an English country page's text last changed (countries/text_changes.py). A row
of its own, outside the page and its revisions, which a publish never overwrites."""

from django.db import models


class CountryText(models.Model):
    page = models.OneToOneField(
        "countries.CountryPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="text_record",
    )
    fingerprint = models.CharField(max_length=64)
    published_at = models.DateTimeField()

    def __str__(self):
        return f"{self.page_id}: {self.published_at:%Y-%m-%d %H:%M}"
