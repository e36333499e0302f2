"""A story made from a shared experience, in Wagtail's editor in Chromium, as a country
team member finishes it: the slug follows the title they write (in any script), and
autosave keeps saving although the draft has no objective yet, an image without alt
text and an empty block just added. No "Autosave is paused", no script error."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.text import slugify
from playwright.sync_api import expect

from countries.models import StoryPage
from share.models import Submission
from tests.support import countries as build
from tests.support.share import jpeg

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Υποστήριξη από ομότιμους στο Ναϊρόμπι"


def converted_story(client, live_portal_site, django_user_model):
    kenya = build.country(build.country_index(live_portal_site), "Kenya", "KE")
    editor = django_user_model.objects.create_user("kenya-editor", password="pw")
    editor.groups.add(Group.objects.get(name="Kenya editors"))
    item = Submission(
        what_happened="The peer support group helped me find work again.",
        country=kenya,
        role="lived-experience",
        language="en",
        consent_publish=True,
    )
    item.image.save("photo.jpg", jpeg(), save=False)
    item.save()
    client.force_login(editor)
    client.post(reverse("shared_experiences:convert", args=[item.pk]))
    return StoryPage.objects.get()


def wait_until_editor_watches(page):
    """Wagtail's w-unsaved controller notes the form's first state a moment after the
    page loads; only changes after that are autosaved."""
    page.wait_for_function(
        """() => window.wagtail.app.getControllerForElementAndIdentifier(
            document.getElementById("page-edit-form"), "w-unsaved")?.initialFormData"""
    )


def autosave_of(page, story, marker):
    """Waits for the autosave whose form data carries `marker`."""
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    return page.expect_response(
        lambda response: (
            response.request.method == "POST"
            and response.url.endswith(url)
            and marker in (response.request.post_data or "")
        )
    )


def test_a_converted_story_autosaves_as_the_team_finishes_it(
    page, live_server, live_portal_site, django_user_model, client, settings, tmp_path
):
    settings.SHARE_PRIVATE_ROOT = str(tmp_path)
    story = converted_story(client, live_portal_site, django_user_model)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    indicator = page.locator("#w-autosave-indicator")
    wait_until_editor_watches(page)

    slug = slugify(TITLE, allow_unicode=True)
    with autosave_of(page, story, slug) as saved:
        page.locator("#id_title").click()
        page.keyboard.press("Control+A")
        page.keyboard.type(TITLE)
        page.keyboard.press("Tab")
    expect(page.locator("#id_slug")).to_have_value(slug)
    assert saved.value.json()["success"], saved.value.json()

    # An image block, added and left empty.
    with autosave_of(page, story, 'name="body-count"\r\n\r\n4') as saved:
        page.locator("#panel-child-content-body-content").get_by_role(
            "button", name="Insert a block"
        ).last.click()
        page.get_by_role("option", name="Image").click()
    assert saved.value.json()["success"], saved.value.json()
    expect(indicator.get_by_text("Autosave is paused")).to_be_hidden()
    expect(page.get_by_text("There are validation errors")).to_have_count(0)

    draft = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    assert (draft.title, draft.slug) == (TITLE, slug)
    assert [block.block_type for block in draft.body] == ["text", "image", "text", "image"]
    assert not StoryPage.objects.get(pk=story.pk).live
    assert errors == [], json.dumps(errors)
