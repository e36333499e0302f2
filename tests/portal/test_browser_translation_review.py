"""The translation editor in Chromium, for a translator of the Editors group (issue #18;
portal/wagtail_localize_review.py): wagtail-localize's footer, drawn by its script, is
hidden; the one the translator sees has "Submit for review", which starts the review."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Locale, WorkflowState

from tests.support import countries as build
from tests.support.browser import ARTIFACTS, AXE_TAGS, _axe_source
from tests.support.groups import editors_group

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def footer_violations(page):
    page.evaluate(_axe_source())
    result = page.evaluate(
        "tags => axe.run('#translation-review', {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]


def test_a_translator_submits_a_translation_for_review(
    page, live_server, live_portal_site, django_user_model, client
):
    kenya = build.country(build.country_index(live_portal_site), "Kenya", "KE")
    translator = django_user_model.objects.create_user("translator", password="pw")
    translator.groups.add(editors_group())
    client.force_login(translator)
    french = Locale.objects.get(language_code="fr")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[kenya.pk]),
        {"locales": [french.pk]},
    )
    target = kenya.get_translation(french)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/pages/{target.pk}/edit/")

    page.locator(".js-translation-editor footer").wait_for(state="attached")  # drawn
    assert not page.locator(".js-translation-editor footer").is_visible()
    for hidden in ("Convert to alias page", "Stop Synced translation", "Delete"):
        assert not page.get_by_role("button", name=hidden).is_visible()
        assert not page.get_by_role("link", name=hidden).is_visible()
    submit = page.get_by_role("button", name="Submit for review")
    assert submit.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "admin-translation-review.png")
    assert footer_violations(page) == []

    submit.click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{target.pk}/edit/")
    assert page.get_by_text("is submitted for review").is_visible()
    assert page.get_by_text("This translation is waiting for review.").is_visible()
    state = WorkflowState.objects.get(object_id=str(target.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert errors == [], json.dumps(errors)
