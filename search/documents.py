"""Text extraction from uploaded PDF documents, in a background task (django-tasks).

A damaged or encrypted PDF is logged and recorded as such; the upload itself never
fails because of it. The text is capped so that one huge file cannot bloat the index.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django_tasks import task
from pypdf import PdfReader
from wagtail.documents import get_document_model

from search.models import DocumentText

logger = logging.getLogger(__name__)

MAX_PAGES = 300
MAX_CHARACTERS = 500_000


def extract_pdf_text(file):
    """(status, text) for a PDF file object."""
    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not reader.decrypt(""):
            return DocumentText.Status.ENCRYPTED, ""
        parts, size = [], 0
        for page in reader.pages[:MAX_PAGES]:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= MAX_CHARACTERS:
                break
    except Exception:  # pypdf raises many kinds of error on a damaged file
        logger.debug("pypdf could not read the file", exc_info=True)
        return DocumentText.Status.DAMAGED, ""
    return DocumentText.Status.EXTRACTED, "\n".join(parts)[:MAX_CHARACTERS].replace("\x00", "")


@task()
def extract_document_text(document_id):
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    with document.open_file() as file:
        status, text = extract_pdf_text(file)
    if status != DocumentText.Status.EXTRACTED:
        logger.warning(
            "PDF document %s (%s) is %s: its text is not indexed.", document_id, document, status
        )
    DocumentText.objects.update_or_create(
        document=document, defaults={"status": status, "text": text}
    )


def is_pdf(document):
    return document.file.name.lower().endswith(".pdf")


@receiver(post_save, sender=get_document_model())
def queue_text_extraction(sender, instance, raw=False, **kwargs):
    if not raw and is_pdf(instance):
        transaction.on_commit(lambda: extract_document_text.enqueue(instance.pk))


def document_text(documents):
    """The extracted text of these documents, one string, for a SearchField on the page
    they belong to (see docs/search.md, "Inside documents")."""
    return "\n".join(
        DocumentText.objects.filter(
            document__in=documents, status=DocumentText.Status.EXTRACTED
        ).values_list("text", flat=True)
    )
