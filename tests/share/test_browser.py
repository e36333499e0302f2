"""The form in a real browser, with the keyboard only, in English and Arabic; axe-core on
the empty form, the error state and the thank-you page."""

import pytest

from share.models import Submission
from tests.support import countries as build
from tests.support.browser import assert_no_axe_violations, save_screenshot, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = {
    "en": "The peer support group helped me find work again.",
    "ar": "ساعدتني مجموعة دعم الأقران على العودة إلى العمل.",
}


@pytest.fixture
def kenya(live_portal_site, settings, tmp_path):
    settings.SHARE_PRIVATE_ROOT = str(tmp_path)
    settings.SHARE_MIN_FILL_SECONDS = 0
    index = build.country_index(live_portal_site)
    kenya = build.country(index, "Kenya", "KE")
    build.translate(kenya, "ar", title="كينيا")
    return kenya


@pytest.mark.parametrize("code, direction", [("en", "ltr"), ("ar", "rtl")])
def test_share_by_keyboard_only(page, live_server, kenya, code, direction):
    page.goto(f"{live_server.url}/{code}/share/")
    assert page.locator("html").get_attribute("dir") == direction
    assert_no_axe_violations(page)

    # Sending it empty: the error summary is announced and links to the fields.
    tab_to(page, ".share-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    assert page.locator(".error-summary").get_attribute("role") == "alert"
    assert page.locator("#id_what_happened").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(page)
    save_screenshot(page, f"share-errors-{code}")

    # The summary's first link takes focus to the field.
    tab_to(page, ".error-summary li:first-child a")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_what_happened"
    page.keyboard.type(TEXT[code])
    tab_to(page, "#id_country")
    page.keyboard.press("ArrowDown")  # the first country after "Choose a country"
    tab_to(page, "#id_role_0")
    page.keyboard.press("Space")
    tab_to(page, "#id_consent_publish")
    page.keyboard.press("Space")
    tab_to(page, ".share-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/{code}/share/thanks/")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)
    save_screenshot(page, f"share-thanks-{code}")

    submission = Submission.objects.get()
    assert submission.what_happened == TEXT[code]
    assert submission.country_id == kenya.pk
    assert submission.language == code
    assert submission.consent_publish and not submission.publish_with_name


def test_the_country_page_links_to_the_form_with_the_country_chosen(page, live_server, kenya):
    page.goto(f"{live_server.url}/ar/countries/kenya/")
    link = page.locator(".share-invite a")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/ar/share/?country=kenya")
    assert page.locator("#id_country").input_value() == "kenya"
    assert_no_axe_violations(page)
