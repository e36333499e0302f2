"""Our admin reports: each at its URL under /admin/reports/ and in the Reports menu."""

import pytest


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("/admin/reports/translation-status/", "Translation status"),
        ("/admin/reports/search-terms/", "Search terms"),
    ],
)
def test_each_report_has_its_url_and_a_reports_menu_item(admin_client, portal_site, url, label):
    assert admin_client.get(url).status_code == 200
    menu = admin_client.get("/admin/").text
    assert url in menu and label in menu


def test_reports_are_for_admin_users_only(client, portal_site):
    response = client.get("/admin/reports/translation-status/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
