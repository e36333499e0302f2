"""The alerts form in a real browser, keyboard only, in English and Arabic; axe-core on
the empty form, the error state and the "check your email" page."""

import re

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


def press_the_button(page, live_server, path, direction):
    page.goto(f"{live_server.url}{path}")
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("main form button[type=submit]", state="detached")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)


@pytest.mark.parametrize("code, direction", [("en", "ltr"), ("ar", "rtl")])
def test_emailed_links_act_on_a_button_pressed_by_keyboard(
    page, live_server, kenya, code, direction
):
    """Opening the confirm or the unsubscribe link changes nothing (mail scanners open
    every link); a keyboard user presses its one button."""
    page.goto(f"{live_server.url}/{code}/alerts/")
    page.check("#id_countries_0")
    page.fill("#id_email", "amina@example.org")
    page.press("#id_email", "Enter")
    page.wait_for_url(f"{live_server.url}/{code}/alerts/sent/")
    body = mail.outbox[-1].body
    confirm, unsubscribe = (
        re.search(rf"http://testserver(/\S+/{name}/\S+/)", body).group(1)
        for name in ("confirm", "unsubscribe")
    )

    page.goto(f"{live_server.url}{confirm}")
    page.goto(f"{live_server.url}{unsubscribe}")
    assert Subscription.objects.get().confirmed_at is None  # opening links did nothing

    press_the_button(page, live_server, confirm, direction)
    assert Subscription.objects.get().confirmed_at is not None
    save_screenshot(page, f"alerts-confirmed-{code}")
    press_the_button(page, live_server, unsubscribe, direction)
    assert not Subscription.objects.exists()
