"""Text inside uploaded PDFs is extracted in a background task; a damaged or encrypted
file is logged and skipped, and never stops the upload."""

import io
import logging

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfWriter
from wagtail.documents import get_document_model

from search.documents import document_text
from search.models import DocumentText

pytestmark = pytest.mark.django_db


def pdf_with_text(text):
    """A one-page PDF whose page shows `text` in Helvetica, with a correct xref table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def encrypted_pdf():
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def upload(name, content, django_capture_on_commit_callbacks):
    Document = get_document_model()
    with django_capture_on_commit_callbacks(execute=True):
        document = Document.objects.create(title=name, file=ContentFile(content, name=name))
    return document


def test_text_of_a_pdf_is_extracted(django_capture_on_commit_callbacks, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = upload(
        "guide.pdf",
        pdf_with_text("Supported decision-making in practice"),
        django_capture_on_commit_callbacks,
    )
    extracted = DocumentText.objects.get(document=document)
    assert extracted.status == DocumentText.Status.EXTRACTED
    assert "Supported decision-making in practice" in extracted.text
    assert "decision-making" in document_text([document])


@pytest.mark.parametrize(
    "content, status",
    [(b"%PDF-1.4\nthis is not really a pdf", "damaged"), (b"", "damaged"), (None, "encrypted")],
)
def test_damaged_or_encrypted_pdf_is_logged_and_skipped(
    django_capture_on_commit_callbacks, settings, tmp_path, caplog, content, status
):
    settings.MEDIA_ROOT = tmp_path
    with caplog.at_level(logging.WARNING, logger="search.documents"):
        document = upload(
            "broken.pdf",
            content if content is not None else encrypted_pdf(),
            django_capture_on_commit_callbacks,
        )
    assert get_document_model().objects.filter(pk=document.pk).exists()  # the upload stands
    extracted = DocumentText.objects.get(document=document)
    assert extracted.status == status
    assert extracted.text == ""
    assert f"is {status}" in caplog.text
    assert document_text([document]) == ""


def test_other_files_are_not_read(django_capture_on_commit_callbacks, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = upload("notes.txt", b"plain text", django_capture_on_commit_callbacks)
    assert not DocumentText.objects.filter(document=document).exists()
