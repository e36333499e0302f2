"""The search demo content and the home page figure for searchable documents."""

import io

import pytest
from wagtail.contrib.search_promotions.models import SearchPromotion

from demo import search as demo
from demo.sample_files import pdf_bytes
from search.models import DocumentText
from tests.support.resources import pdf_document

pytestmark = pytest.mark.django_db


def test_demo_promotion_is_idempotent_and_shown(client, portal_site):
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert SearchPromotion.objects.filter(query__query_string="e-training").count() == 1
    response = client.get("/en/search/?q=E-training")
    assert "Sample promotion" in response.text


def test_demo_reads_the_text_of_pdfs_not_yet_read(portal_site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = pdf_document("Sample guide", content=pdf_bytes("Circles of support", "en"))
    assert not DocumentText.objects.filter(document=document).exists()  # task not run yet
    out = io.StringIO()
    demo.load(out)
    assert "Circles of support" in DocumentText.objects.get(document=document).text
    assert "text of PDF files read: 1 new" in out.getvalue()
