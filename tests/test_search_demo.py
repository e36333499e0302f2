"""The search demo content and the home page figure for searchable documents."""

import io

import pytest
from wagtail.contrib.search_promotions.models import SearchPromotion

from search import demo

pytestmark = pytest.mark.django_db


def test_demo_promotion_is_idempotent_and_shown(client, portal_site):
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert SearchPromotion.objects.filter(query__query_string="e-training").count() == 1
    response = client.get("/en/search/?q=E-training")
    assert "Sample promotion" in response.text
