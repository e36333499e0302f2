"""A person with a keyboard and a screen reader's expectations, in a real browser."""

import pytest

from tests.support.browser import assert_no_axe_violations, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("code, direction", [("en", "ltr"), ("ar", "rtl")])
def test_home_page_is_accessible(page, live_server, live_portal_site, code, direction):
    page.goto(f"{live_server.url}/{code}/")
    assert page.locator("html").get_attribute("dir") == direction
    assert_no_axe_violations(page)
    save_screenshot(page, f"home-{code}")


def test_skip_link_moves_focus_to_main_content(page, live_server, live_portal_site):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_switch_language_with_the_keyboard(page, live_server, live_portal_site):
    page.goto(f"{live_server.url}/en/")
    summary = page.locator(".language-switcher summary")
    summary.focus()
    page.keyboard.press("Enter")
    arabic = page.locator('.language-switcher a[hreflang="ar"]')
    assert arabic.is_visible()
    arabic.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/ar/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator(".language-switcher summary").click()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("code", ["en", "ar"])
def test_home_page_fits_a_320_pixel_screen(browser, live_server, live_portal_site, code):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{live_server.url}/{code}/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0, f"{overflow}px of horizontal scrolling at 320px"
