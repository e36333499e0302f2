"""The admin menu has one item per place (issue #18): for a superuser, a moderator, an
editor and a country team member, no two items lead to the same URL, and no menu has two
items of the same label. Translation status is one report with two tabs (the portal's
summary and wagtail-localize's list of translations)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.admin.menu import SubmenuMenuItem, admin_menu

from tests.support import countries as build

ROLES = ["superuser", "Moderators", "Editors", "Kenya editors"]


@pytest.fixture
def kenya(portal_site):
    return build.country(build.country_index(portal_site), "Kenya", "KE")


@pytest.fixture
def login_as(client, django_user_model, kenya):
    def login(role):
        if role == "superuser":
            user = django_user_model.objects.create_superuser("super", password="pw")
        else:
            user = django_user_model.objects.create_user("member", password="pw")
            user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return user

    return login


def menu(request, items, path=()):
    """(path of labels, URL) of every item, submenus walked, as the sidebar shows them."""
    for item in items:
        yield (*path, str(item.label)), item.url
        if isinstance(item, SubmenuMenuItem):
            yield from menu(request, item.menu.menu_items_for_request(request), (str(item.label),))


def menu_for(client):
    # The request of a real admin page, its middleware run (the second factor's check).
    request = client.get(reverse("wagtailadmin_home")).wsgi_request
    return list(menu(request, admin_menu.menu_items_for_request(request)))


@pytest.mark.parametrize("role", ROLES)
def test_no_two_menu_items_lead_to_the_same_place(client, login_as, role):
    login_as(role)
    items = menu_for(client)
    print(f"\nAdmin menu of {role}:")
    for labels, url in items:
        print("  " * len(labels), labels[-1], url)
    urls = [url for _labels, url in items if url != "#"]  # "#": a submenu, or a dialog
    assert len(urls) == len(set(urls))
    assert len(items) == len({labels for labels, _url in items})
    reports = {labels[-1]: url for labels, url in items if labels[0] == "Reports"}
    assert reports["Translation status"] == reverse("translation_report")
    assert reverse("wagtail_localize:translations_report") not in reports.values()
    assert list(reports).count("Search terms") == 1


@pytest.mark.parametrize("role", ROLES)
def test_translation_status_is_one_report_with_two_tabs(client, login_as, role):
    login_as(role)
    summary = reverse("translation_report")
    listing = reverse("wagtail_localize:translations_report")
    for url, current in ((summary, summary), (listing, listing)):
        response = client.get(url)
        assert response.status_code == 200
        (heading,) = re.findall(r"<h1[^>]*>(.*?)</h1>", response.text, re.S)
        assert re.sub(r"<svg.*?</svg>", "", heading, flags=re.S).strip() == "Translation status"
        tabs = response.text[response.text.index('aria-label="Translation status"') :]
        tabs = tabs[: tabs.index("</nav>")]
        assert f'href="{summary}"' in tabs and f'href="{listing}"' in tabs
        assert tabs.count('aria-current="page"') == 1
        assert f'href="{current}" aria-current="page"' in tabs
