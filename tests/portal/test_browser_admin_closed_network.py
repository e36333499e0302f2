"""The admin works on a closed network (issue #18): no request leaves the portal's own
address while an editor signs in, opens the dashboard, edits a page, previews it and
opens their account (avatars are served here: no Gravatar)."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.support import countries as build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_no_admin_page_asks_a_third_party(page, live_server, live_portal_site, django_user_model):
    kenya = build.country(build.country_index(live_portal_site), "Kenya", "KE")
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-pass")
    own = urlsplit(live_server.url).netloc
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).scheme in ("http", "https")
            and urlsplit(request.url).netloc != own
            and elsewhere.append(request.url)
        ),
    )
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "a-long-pass")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    for path in (
        reverse("wagtailadmin_pages:edit", args=[kenya.pk]),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_explore", args=[kenya.get_parent().pk]),
    ):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    avatar = page.locator("img.avatar").first
    assert avatar.count() == 0 or urlsplit(avatar.get_attribute("src")).netloc in ("", own)
    assert elsewhere == []
