"""The search demo content and the home page figure for searchable documents."""

import io

import pytest
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model

from search import demo
from search.models import DocumentText

pytestmark = pytest.mark.django_db


def test_demo_promotion_is_idempotent_and_shown(client, portal_site):
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert SearchPromotion.objects.filter(query__query_string="e-training").count() == 1
    response = client.get("/en/search/?q=E-training")
    assert "Sample promotion" in response.text


def test_home_page_counts_searchable_documents(client, portal_site):
    Document = get_document_model()
    for title, status in [("a", "extracted"), ("b", "damaged")]:
        document = Document.objects.create(title=title, file=f"documents/{title}.txt")
        DocumentText.objects.create(document=document, status=status, text="words")
    response = client.get("/en/")
    figures = {str(f["label"]): f["value"] for f in response.context["key_figures"]}
    assert figures["PDF documents you can search inside"] == 1
