"""A country team member imports a file in a real browser, reads the preview and
confirms; the moderator then sees the new value in the review. axe-core on the upload
and preview pages."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from countries.workflow import MODERATORS
from tests.support import indicator_imports as imp
from tests.support.browser import assert_no_axe_violations, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OWN = ".indicator-import"  # the portal's own markup, inside Wagtail's frame


@pytest.fixture
def tree(live_portal_site):
    return imp.countries(live_portal_site)


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_a_team_member_imports_and_the_moderator_sees_the_change(
    page, live_server, tree, django_user_model, tmp_path
):
    editor = imp.person(django_user_model, "kenya-editor", "Kenya editors")
    moderator = imp.person(django_user_model, "moderator", MODERATORS)
    upload = tmp_path / "kenya-learners.csv"
    upload.write_bytes(
        imp.csv_bytes(
            [
                imp.row(value="2400", day="2024-06-30"),
                imp.row(value="3,456", day="2024-12-31"),
                imp.row(iso="GH", value="900", day="2024-12-31"),
            ]
        )
    )

    sign_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="Import indicator values").click()
    page.wait_for_url("**/admin/indicator-imports/")
    assert page.locator("h1").inner_text().strip() == "Import indicator values"
    assert_no_axe_violations(page)
    save_screenshot(page, "indicator-import-upload")

    page.get_by_label("File with indicator values (CSV or XLSX)").set_input_files(str(upload))
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_selector(".indicator-import__rows")
    table = page.locator(".indicator-import__rows tbody tr")
    assert table.count() == 3
    assert "Unchanged" in table.nth(0).inner_text()
    assert "New" in table.nth(1).inner_text() and "3,456" in table.nth(1).inner_text()
    assert "You may import values for Kenya only" in table.nth(2).inner_text()
    assert_no_axe_violations(page)
    save_screenshot(page, "indicator-import-preview")
    page.get_by_role("link", name="Refused (1)").click()  # a link, no script needed
    expect(page.locator(".indicator-import__rows tbody tr")).to_have_count(1)

    page.get_by_role("button", name="Confirm: import and submit for review").click()
    page.wait_for_selector("text=The values are imported.")
    assert "submitted to moderators for review" in page.locator(OWN).inner_text()

    sign_in(page, live_server, moderator)
    page.goto(f"{live_server.url}/admin/")
    review = page.locator("section", has_text="Awaiting your review").last
    assert "Kenya" in review.inner_text()
    page.goto(f"{live_server.url}/admin/indicator-imports/log/")
    page.get_by_role("link", name="kenya-learners.csv").click()
    page.get_by_role("link", name="Compare Kenya's page with the version before").click()
    page.wait_for_url("**/revisions/compare/**")
    changes = page.locator("main").inner_text()
    assert "E-training learners completed" in changes and "3456" in changes
    save_screenshot(page, "indicator-import-review")
