"""The indicator table in the page editor, in Chromium: a row is added with the button,
another removed with its box, the draft keeps both changes; the table passes axe-core and
the editor's scripts raise no error."""

import datetime
import json

import pytest
from wagtail.models import Page

from tests.support import countries as build
from tests.support.browser import ARTIFACTS, AXE_TAGS, _axe_source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def table_violations(page):
    page.evaluate(_axe_source())
    result = page.evaluate(
        "tags => axe.run('.indicator-table', {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]


def test_a_country_team_adds_and_removes_values_in_the_table(
    page, live_server, live_portal_site, django_user_model, client
):
    kenya = build.country(build.country_index(live_portal_site), "Kenya", "KE")
    enrolled = build.indicator_type("etraining-enrolled", "E-training learners enrolled")
    build.add_values(
        kenya, enrolled, [(datetime.date(2023, 6, 30), 1200), (datetime.date(2024, 6, 30), 2400)]
    )
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/pages/{kenya.pk}/edit/")

    table = page.locator(".indicator-table")
    assert table.locator("tbody tr").count() == 3  # two values and an empty row
    assert table_violations(page) == []
    page.get_by_role("button", name="Add a row").click()
    assert table.locator("tbody tr").count() == 4
    new_row = table.locator("tbody tr").nth(3)
    focused = page.evaluate("document.activeElement.name")
    assert focused == "indicator_values-3-indicator"
    new_row.locator("select").select_option(label="E-training learners enrolled")
    new_row.locator("input[type=date]").fill("2025-06-30")
    new_row.locator("input[type=number]").fill("3100")
    new_row.locator("input[name$=source]").fill("WHO Academy, 2025")
    # Remove the 2023 value.
    first = table.locator("tbody tr").first
    assert first.locator("input[type=date]").input_value() == "2023-06-30"
    first.get_by_label("Remove").check()
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#panel-child-content-indicators-section").screenshot(
        path=ARTIFACTS / "admin-indicator-table.png"
    )
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{kenya.pk}/edit/")

    draft = Page.objects.get(pk=kenya.pk).specific.get_latest_revision_as_object()
    kept = sorted((v.date.isoformat(), v.value) for v in draft.indicator_values.all())
    assert kept == [("2024-06-30", 2400), ("2025-06-30", 3100)]
    assert errors == [], json.dumps(errors)
