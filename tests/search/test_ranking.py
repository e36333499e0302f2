"""Ranking: a word in the title counts more than the same word in the body, and pages
of results follow one stable order (both databases)."""

import pytest
from django.core.paginator import Paginator
from wagtail.models import Page

from home.models import HomePage
from search.query import search_pages
from tests.support.search import add_page

pytestmark = pytest.mark.django_db


def add_text_page(parent, title, intro, slug):
    # A HomePage below the home only because it has a body field to search.
    page = HomePage(title=title, intro=intro, slug=slug)
    parent.add_child(instance=page)
    return page


def test_title_is_boosted_over_body(portal_site):
    add_text_page(
        portal_site, "Night walks", "Bring a lantern and a friend on the night walk.", "walks"
    )
    add_text_page(portal_site, "Lantern guide", "How to light the way for others.", "lantern-guide")
    results, _ = search_pages(Page.objects.live(), "lantern", "en")
    assert [page.title for page in results[:2]] == ["Lantern guide", "Night walks"]


def test_pages_of_results_do_not_overlap(portal_site):
    for i in range(25):
        add_page("en", f"Compass note {i}", f"compass-{i}")
    results, _ = search_pages(Page.objects.live(), "compass", "en")
    paginator = Paginator(results, 10)
    seen = [page.pk for number in (1, 2, 3) for page in paginator.page(number).object_list]
    assert len(seen) == len(set(seen)) == 25
