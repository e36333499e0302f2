"""What people search for, counted per day and language, for the editors' report.

No person is recorded: no account, address, session or time of day. Text that looks
like contact details (an email address, a phone number) is not stored at all.
"""

import datetime
import re

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search.utils import normalise_query_string

MAX_LOGGED_LENGTH = 200
LOOKS_PERSONAL = re.compile(r"@|\d[\d\s().-]{5,}\d")


class SearchQueryDay(models.Model):
    date = models.DateField(_("date"))
    language_code = models.CharField(_("language"), max_length=15)
    query = models.CharField(_("query"), max_length=MAX_LOGGED_LENGTH)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches with no results"), default=0)

    class Meta:
        verbose_name = _("search query count")
        verbose_name_plural = _("search query counts")
        constraints = [
            models.UniqueConstraint(
                fields=["date", "language_code", "query"], name="search_query_day_unique"
            )
        ]
        indexes = [models.Index(fields=["language_code", "date"])]

    def __str__(self):
        return f"{self.date} {self.language_code}: {self.query}"

    @classmethod
    def purge(cls, days):
        """Delete the days older than `days` (SEARCH_QUERY_RETENTION_DAYS); their count."""
        cutoff = timezone.now().date() - datetime.timedelta(days=days)
        deleted, _by_model = cls.objects.filter(date__lt=cutoff).delete()
        return deleted

    @staticmethod
    def loggable(text):
        """The query as counted, or None for text not to be kept (empty, or looking like
        contact details)."""
        query = normalise_query_string(text)[:MAX_LOGGED_LENGTH]
        if not query or LOOKS_PERSONAL.search(query):
            return None
        return query

    @classmethod
    def add(cls, date, language_code, query, searches, zero_results):
        """Add counts to a day's row (search/query_counts.py counts them)."""
        row, _ = cls.objects.get_or_create(date=date, language_code=language_code, query=query)
        cls.objects.filter(pk=row.pk).update(
            searches=F("searches") + searches, zero_results=F("zero_results") + zero_results
        )


class DocumentText(models.Model):
    """Text extracted from an uploaded PDF (search/documents.py), so that a phrase found
    only inside a guidance document finds the resource the document belongs to."""

    class Status(models.TextChoices):
        EXTRACTED = "extracted", _("Text extracted")
        ENCRYPTED = "encrypted", _("Encrypted: no text extracted")
        DAMAGED = "damaged", _("Damaged: no text extracted")

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted_text"
    )
    text = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices)
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self):
        return f"{self.document_id}: {self.get_status_display()}"
