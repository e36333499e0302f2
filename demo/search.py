"""Demo search: a promotion (the e-training, first for anyone searching "e-training")
and the text of the sample PDFs, so a word found only inside a file finds its resource.

The text is written for the demo. Idempotent: running it twice changes nothing.
"""

from django.conf import settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model

from home.models import HomePage
from search.documents import extract_document_text, is_pdf
from search.models import DocumentText

PROMOTED_QUERY = "e-training"


def load(stdout):
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        return
    SearchPromotion.objects.update_or_create(
        query=Query.get(PROMOTED_QUERY),
        page=home,
        defaults={
            "sort_order": 0,
            "description": "Sample promotion: where to start the QualityRights e-training.",
        },
    )
    stdout.write(f'Search: promoted the home page for "{PROMOTED_QUERY}".')
    extract_sample_pdfs(stdout)


def extract_sample_pdfs(stdout):
    """Now rather than after the demo's transaction commits, so that the resources are
    indexed with the text when the command ends (extraction re-indexes them)."""
    documents = get_document_model().objects.filter(extracted_text__isnull=True)
    pdfs = [document for document in documents if is_pdf(document)]
    for document in pdfs:
        extract_document_text.call(document.pk)
    found = DocumentText.objects.filter(status=DocumentText.Status.EXTRACTED).count()
    stdout.write(f"Search: text of PDF files read: {len(pdfs)} new, {found} searchable in all.")
