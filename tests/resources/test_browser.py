"""The library with a keyboard and a screen reader's expectations, in a real browser."""

import pytest
from django.utils import translation
from django.utils.translation import ngettext

from tests.support.browser import assert_no_axe_violations, save_screenshot
from tests.support.resources import make_resource

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shelf(live_library):
    make_resource(live_library, "Recovery guide", topics=["recovery"], files=("en", "ar"))
    make_resource(live_library, "Recovery poster", kind="poster", topics=["recovery"])
    make_resource(live_library, "Peer groups", topics=["peer-support"], files=("ar",))
    return live_library


def tab_to(page, selector, limit=120):
    """Press Tab until `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def found(code, count):
    """The result count as the library announces it in `code`."""
    with translation.override(code):
        message = ngettext("%(counter)s resource found", "%(counter)s resources found", count)
    return message % {"counter": count}


@pytest.mark.parametrize("code", ["en", "ar"])
def test_filter_by_type_topic_and_language_with_the_keyboard(page, live_server, shelf, code):
    page.goto(f"{live_server.url}/{code}/resources/")
    assert page.locator('.result-count[role="status"]').inner_text() == found(code, 3)
    for name, value in [("type", "guidance"), ("topic", "recovery"), ("language", "ar")]:
        checkbox = f'input[name="{name}"][value="{value}"]'
        tab_to(page, checkbox)
        page.keyboard.press("Space")
        assert page.locator(checkbox).is_checked()
    tab_to(page, ".library__filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "type=guidance" in page.url and "topic=recovery" in page.url
    assert "language=ar" in page.url
    assert page.locator('.result-count[role="status"]').inner_text() == found(code, 1)
    assert page.locator(".result__title a").all_inner_texts() == ["Recovery guide"]
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    # Remove one filter with the keyboard: the topic goes, the others stay.
    tab_to(page, '.active-filters a[href*="type=guidance"][href*="language=ar"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "topic=" not in page.url
    assert page.locator('.result-count[role="status"]').inner_text() == found(code, 2)
    assert_no_axe_violations(page)
    save_screenshot(page, f"resources-library-filtered-{code}")


@pytest.mark.parametrize("code", ["en", "ar"])
def test_library_and_resource_page_have_no_axe_violations(page, live_server, shelf, code):
    page.goto(f"{live_server.url}/{code}/resources/")
    assert_no_axe_violations(page)
    save_screenshot(page, f"resources-library-{code}")
    page.goto(f"{live_server.url}/{code}/resources/recovery-guide/")
    assert page.locator("h1").inner_text() == "Recovery guide"
    assert_no_axe_violations(page)
    save_screenshot(page, f"resources-page-{code}")
