"""The alerts form in a real browser, keyboard only, in English and Arabic; axe-core on
the empty form, the error state and the "check your email" page."""

import pytest
from django.core import mail

from alerts.models import Subscription
from tests.support import countries as build
from tests.support.browser import assert_no_axe_violations, save_screenshot, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def kenya(live_portal_site):
    kenya = build.country(build.country_index(live_portal_site), "Kenya", "KE")
    build.translate(kenya, "ar", title="كينيا")
    return kenya


@pytest.mark.parametrize("code, direction", [("en", "ltr"), ("ar", "rtl")])
def test_subscribe_by_keyboard_only(page, live_server, kenya, code, direction):
    page.goto(f"{live_server.url}/{code}/alerts/")
    assert page.locator("html").get_attribute("dir") == direction
    assert_no_axe_violations(page)

    # Sending it empty: the error summary is announced.
    tab_to(page, ".share-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    assert_no_axe_violations(page)
    save_screenshot(page, f"alerts-errors-{code}")

    tab_to(page, "#id_countries_0")
    page.keyboard.press("Space")
    tab_to(page, "#id_email")
    page.keyboard.type("amina@example.org")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/{code}/alerts/sent/")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)

    subscription = Subscription.objects.get()
    assert subscription.countries == ["kenya"] and subscription.language == code
    assert len(mail.outbox) == 1
