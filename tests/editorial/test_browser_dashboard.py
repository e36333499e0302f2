"""The dashboard's attention panels in a real browser: a country team member and a
moderator each read theirs, follow a link to where the work is done, and axe-core finds
nothing wrong."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from share.models import Submission
from tests.support import countries as build
from tests.support.browser import assert_no_axe_violations, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def person(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_each_role_reads_its_panels(page, live_server, live_portal_site, django_user_model):
    index = build.country_index(live_portal_site)
    kenya = build.country(index, "Kenya", "KE")
    old = timezone.now() - datetime.timedelta(days=40)
    waiting = Submission.objects.create(
        what_happened="The peer support group helped me.",
        country=kenya,
        role="family",
        language="en",
    )
    Submission.objects.filter(pk=waiting.pk).update(created_at=old)
    story = build.story(kenya, "Peer support")
    story.title = "Peer support, revised"
    story.save_revision()
    Page.objects.filter(pk=story.pk).update(latest_revision_created_at=old)
    editor = person(django_user_model, "kenya-editor", "Kenya editors")
    moderator = person(django_user_model, "moderator", "Moderators")

    sign_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/")
    levels = page.locator("main h1, main h2").evaluate_all("els => els.map(e => e.tagName)")
    assert levels[0] == "H1" and set(levels[1:]) == {"H2"}
    drafts = page.locator("#attention-old-drafts-section")
    assert "1\xa0month" in drafts.inner_text()
    assert_no_axe_violations(page)
    save_screenshot(page, "dashboard-country-team")
    drafts.get_by_role("link", name="Peer support, revised").click()
    page.wait_for_url(f"**/admin/pages/{story.pk}/edit/")

    sign_in(page, live_server, moderator)
    page.goto(f"{live_server.url}/admin/")
    late = page.locator("#attention-unhandled-shared-section")
    assert "1\xa0month" in late.inner_text()
    assert_no_axe_violations(page)
    save_screenshot(page, "dashboard-moderator")
    late.get_by_role("link", name=f"Shared experience {waiting.pk} (Kenya)").click()
    page.wait_for_url(f"**/admin/shared-experiences/{waiting.pk}/")
