"""Arabic pages are mirrored by the same stylesheet: navigation, the library's filters
and pagination arrows sit and point the other way. Screenshots of the English and the
Arabic library are kept in test-artifacts/ for people to look at."""

import pytest
from wagtail.models import Locale

from tests.support.browser import assert_no_axe_violations, save_screenshot
from tests.support.resources import make_resource

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def long_library(live_library):
    # More than one page of results, so the pagination shows its arrows.
    for n in range(22):
        make_resource(live_library, f"Guide {n:02d}", topics=["recovery"])
    # The library page itself is translated, as in every locale of the demo; an
    # untranslated one would keep its English text left to right, inside <main lang="en">.
    arabic = live_library.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.title = "مكتبة الموارد"
    arabic.save_revision().publish()
    return live_library


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def layout(page, url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url)
    name, menu = box(page, ".site-name"), box(page, ".site-search")
    filters, results = box(page, ".library__filters"), box(page, ".library__results")
    arrow = page.locator(".pagination__arrow").first.evaluate(
        "el => getComputedStyle(el).transform"
    )
    return {
        "name_left_of_menu": name["x"] < menu["x"],
        "filters_left_of_results": filters["x"] < results["x"],
        "arrow_flipped": arrow not in ("none", ""),
    }


def test_arabic_library_is_the_mirror_of_the_english_one(browser, live_server, long_library):
    context = browser.new_context()
    page = context.new_page()
    english = layout(page, f"{live_server.url}/en/resources/")
    save_screenshot(page, "library-en")
    arabic = layout(page, f"{live_server.url}/ar/resources/")
    save_screenshot(page, "library-ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_no_axe_violations(page)
    context.close()
    assert english == {
        "name_left_of_menu": True,
        "filters_left_of_results": True,
        "arrow_flipped": False,
    }
    assert arabic == {
        "name_left_of_menu": False,
        "filters_left_of_results": False,
        "arrow_flipped": True,
    }
