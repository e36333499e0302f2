"""Language versions of a resource: files (Wagtail documents), links and caption tracks.

The languages a resource is available in are derived from its files and links and
stored in ResourceLanguage, a plain table the library counts and filters on; the
resource page rewrites it on every save (see ResourcePage.sync_languages).
"""

import logging

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from pypdf import PdfReader
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

logger = logging.getLogger(__name__)


def language_field(**kwargs):
    return models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, **kwargs)


def pdf_page_count(document):
    """Pages in a PDF document, or None when it is not a PDF or cannot be read. A damaged
    file must never stop an editor from saving, so any failure is logged and ignored."""
    if document.file_extension.lower() != "pdf":
        return None
    try:
        with document.open_file() as handle:
            return len(PdfReader(handle).pages)
    except Exception:  # pypdf raises many error types for damaged files
        logger.warning("Could not count pages of document %s", document.pk, exc_info=True)
        return None


class ResourceFile(Orderable):
    """One downloadable language version of a resource."""

    page = ParentalKey("resources.ResourcePage", related_name="files", on_delete=models.CASCADE)
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.PROTECT, related_name="+")
    language = language_field()
    # Filled from the document when the page is saved; editors do not type them.
    file_format = models.CharField(_("format"), max_length=10, blank=True, editable=False)
    file_size = models.PositiveBigIntegerField(_("size in bytes"), null=True, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), null=True, editable=False)

    panels = [FieldPanel("document"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")

    def fill_from_document(self):
        document = self.document
        self.file_format = document.file_extension.upper()[:10]
        self.file_size = document.get_file_size()
        self.page_count = pdf_page_count(document)

    def clean(self):
        if self.document_id:
            self.fill_from_document()

    def save(self, *args, **kwargs):
        if not self.file_format and self.document_id:
            self.fill_from_document()
        super().save(*args, **kwargs)


class ResourceLink(Orderable):
    """A language version that lives elsewhere, such as a course on the WHO Academy."""

    page = ParentalKey("resources.ResourcePage", related_name="links", on_delete=models.CASCADE)
    url = models.URLField(_("web address"))
    label = models.CharField(
        _("link text"), max_length=200, help_text=_("Say where the link goes, in plain words.")
    )
    language = language_field()

    panels = [FieldPanel("url"), FieldPanel("label"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("link")


class CaptionTrack(Orderable):
    """WebVTT captions for the resource's video, one per language."""

    page = ParentalKey("resources.ResourcePage", related_name="captions", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("A WebVTT (.vtt) file."),
    )
    language = language_field()

    panels = [FieldPanel("document"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("caption track")


class ResourceLanguage(models.Model):
    """Derived, never edited: one row per language a resource's files or links offer."""

    page = models.ForeignKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="available_languages"
    )
    language = language_field(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="unique_resource_language")
        ]
        ordering = ["language"]

    def __str__(self):
        return self.language
