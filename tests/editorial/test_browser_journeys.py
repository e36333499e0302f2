"""Each role's main journey through the admin in a real browser (issue #18): a country
team member sends a new story for review; a moderator finds a changed story on the
dashboard, compares it with the live page and approves it; a translator translates a
country page and submits it, and a moderator approves it from the dashboard. Everyone
signs in through the sign-in form, and what is published is read back from the public
site. The screenshots illustrate docs/editors.md (`make screenshots`)."""

import datetime
import urllib.error
import urllib.request

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import (
    Locale,
    Page,
    TaskState,
    WorkflowState,
)

from share.choices import Role
from share.models import Submission
from tests.support import countries as build
from tests.support.browser import (
    AXE_TAGS,
    _axe_source,
    assert_no_axe_violations,
    save_screenshot,
)
from tests.support.groups import editors_group

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def settled(locator):
    """Waits for the transitions in `locator` to end: a message fading in has too little
    contrast for axe-core until it is there."""
    locator.evaluate("el => Promise.all(el.getAnimations({subtree: true}).map(a => a.finished))")


def assert_no_axe_violations_in(page, selector):
    """axe-core on the portal's own part of a page whose rest is a library's to fix."""
    page.evaluate(_axe_source())
    result = page.evaluate(
        "([context, tags]) => axe.run(context, {runOnly: {type: 'tag', values: tags}})",
        [selector, AXE_TAGS],
    )
    found = [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]
    assert not found, f"axe-core on {selector} of {page.url}: {found}"


def person(django_user_model, username, group_name, first_name):
    user = django_user_model.objects.create_user(username, password="pw", first_name=first_name)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def sign_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")


def public_page(live_server, path):
    """(status, HTML) of a public page, fetched through the live server as a visitor's
    browser would."""
    try:
        with urllib.request.urlopen(f"{live_server.url}{path}", timeout=10) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def kenya(live_portal_site):
    index = build.country_index(live_portal_site)
    # A second country, as on any real portal (a team's dashboard then leaves out
    # Wagtail's site-wide page count).
    build.country(index, "Czechia", "CZ", region="eur")
    return build.country(index, "Kenya", "KE")


def test_a_country_team_sends_a_new_story_for_review(page, live_server, kenya, django_user_model):
    shared = Submission.objects.create(
        what_happened="The peer support group helped me find work again.",
        country=kenya,
        role=Role.LIVED_EXPERIENCE,
        language="en",
    )
    Submission.objects.filter(pk=shared.pk).update(created_at=days_ago(3))
    person(django_user_model, "amina", "Kenya editors", "Amina")

    sign_in(page, live_server, "amina")
    waiting = page.locator("#attention-shared-section")
    assert f"Shared experience {shared.pk} (Kenya)" in waiting.inner_text()
    assert_no_axe_violations(page)
    save_screenshot(page, "editors-team-dashboard")

    page.goto(f"{live_server.url}/admin/pages/{kenya.pk}/")
    page.get_by_role("link", name="Add child page").click()
    page.get_by_role("link", name="Story", exact=True).click()
    page.get_by_role("textbox", name="Title*").fill("Peer supporters join the hospital team")
    page.get_by_role("textbox", name="Summary*").fill(
        "Three peer supporters with lived experience now work on the wards in Nairobi."
    )
    page.get_by_label("Build capacity to combat stigma").check()
    assert_no_axe_violations(page)
    save_screenshot(page, "editors-team-story")

    page.get_by_role("button", name="More actions").click()
    submit = page.get_by_role("button", name="Submit to Country review")
    submit.wait_for()
    save_screenshot(page, "editors-team-submit")
    submit.click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{kenya.pk}/")
    story = Page.objects.get(title="Peer supporters join the hospital team")
    assert story.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert story.current_workflow_state.workflow.name == "Country review"
    assert not story.live

    page.goto(f"{live_server.url}/admin/")
    in_review = page.locator("#attention-in-review-section")
    assert "Peer supporters join the hospital team" in in_review.inner_text()
    assert_no_axe_violations(page)
    save_screenshot(page, "editors-team-in-review")


def test_a_moderator_compares_and_approves_a_story_from_the_dashboard(
    page, live_server, kenya, django_user_model
):
    story = build.story(kenya, "Peer supporters join the team")
    amina = person(django_user_model, "amina", "Kenya editors", "Amina")
    person(django_user_model, "sam", "Moderators", "Sam")
    story.title = "Peer supporters join the hospital team"
    story.summary = "Three peer supporters with lived experience now work on the wards."
    story.save_revision(user=amina)
    story.get_workflow().start(story, amina)
    TaskState.objects.update(started_at=days_ago(2))
    url = story.get_url()
    status, html = public_page(live_server, url)
    assert status == 200 and "hospital" not in html

    sign_in(page, live_server, "sam")
    queue = page.locator("#attention-review-queue-section")
    assert "Kenya, English" in queue.inner_text()
    assert_no_axe_violations(page)
    save_screenshot(page, "editors-moderator-queue")

    queue.get_by_role("link", name="Peer supporters join the hospital team").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    notice = page.locator(".messages")
    notice.get_by_text("This version is waiting for your review.").wait_for()
    settled(notice)
    assert_no_axe_violations(page)
    save_screenshot(page, "editors-moderator-review")

    notice.get_by_role("link", name="Compare it with the live page").click()
    page.wait_for_url(f"**/admin/pages/{story.pk}/revisions/compare/live...*/")
    changes = page.locator("main").inner_text()
    assert "Peer supporters join the team" in changes and "hospital" in changes
    save_screenshot(page, "editors-moderator-compare")

    page.go_back()
    page.get_by_role("button", name="More actions").click()
    approve = page.get_by_role("button", name="Approve and Publish")
    approve.wait_for()
    save_screenshot(page, "editors-moderator-approve")
    approve.click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{kenya.pk}/")
    story.refresh_from_db()
    assert story.current_workflow_state is None
    assert not story.has_unpublished_changes
    status, html = public_page(live_server, url)
    assert status == 200
    assert "Peer supporters join the hospital team" in html


def test_a_translator_submits_a_translation_and_a_moderator_publishes_it(
    page, live_server, kenya, django_user_model
):
    build.translate(kenya.get_parent(), "fr", title="Pays")
    editors_group()
    person(django_user_model, "lea", "Editors", "Léa")
    person(django_user_model, "sam", "Moderators", "Sam")
    french = "Le Kenya met en œuvre QualityRights dans cinq services."

    sign_in(page, live_server, "lea")
    page.goto(f"{live_server.url}/admin/pages/{kenya.pk}/edit/")
    page.get_by_role("button", name="Actions", exact=True).click()
    translate = page.get_by_role("link", name="Translate this page")
    translate.wait_for()
    save_screenshot(page, "editors-translator-menu")
    translate.click()
    page.get_by_label("French").check()
    save_screenshot(page, "editors-translator-languages")
    page.get_by_role("button", name="Submit").click()

    segment = page.locator("li.incomplete", has_text="Kenya summary.")
    segment.get_by_role("button", name="Translate").click()
    segment.get_by_role("textbox").fill(french)
    segment.get_by_role("button", name="Save").click()
    page.get_by_text("Translated manually").wait_for()
    submit = page.get_by_role("button", name="Submit for review")
    # Saving a string may leave the editor scrolled sideways, by the width of Wagtail's
    # closed side panels: the picture shows it as it opened.
    page.locator("main").evaluate("main => { main.scrollLeft = 0 }")
    save_screenshot(page, "editors-translator-editor")
    # wagtail-localize's editor has its own faults (unlabelled fields): only the portal's
    # footer is checked.
    assert_no_axe_violations_in(page, "#translation-review")
    submit.click()
    page.get_by_text("is submitted for review").wait_for()
    save_screenshot(page, "editors-translator-submitted")
    target = kenya.get_translation(Locale.objects.get(language_code="fr"))
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert french not in public_page(live_server, "/fr/countries/kenya/")[1]

    sign_in(page, live_server, "sam")
    awaiting = page.locator("#awaiting-review-section")
    row = awaiting.get_by_role("row").filter(has_text="French")
    row.get_by_role("button", name="Actions").click()
    approve = row.get_by_role("button", name="Approve", exact=True)
    approve.wait_for()
    save_screenshot(page, "editors-moderator-approve-dashboard")
    approve.click()
    awaiting.wait_for(state="detached")  # the dashboard reloads with nothing to review
    target.refresh_from_db()
    assert target.live and target.current_workflow_state is None
    status, html = public_page(live_server, "/fr/countries/kenya/")
    assert status == 200
    assert french in html
