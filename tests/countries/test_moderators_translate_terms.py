"""Moderators keep and translate the shared vocabularies (issue #18): topics, resource
types, audiences, indicator types and targets, through wagtail-localize's own views;
a country team does not."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale

from core.taxonomy import Topic
from countries.workflow import MODERATORS
from tests.support import countries as build


@pytest.fixture
def people(portal_site, django_user_model):
    build.country(build.country_index(portal_site), "Kenya", "KE")  # makes both groups
    result = {}
    for username, group in (("moderator", MODERATORS), ("kenya-editor", "Kenya editors")):
        user = django_user_model.objects.create_user(username, password="pw")
        user.groups.add(Group.objects.get(name=group))
        result[username] = user
    return result


@pytest.mark.parametrize(
    "app_label, model",
    [
        ("core", "topic"),
        ("resources", "resourcetype"),
        ("resources", "audience"),
        ("countries", "indicatortype"),
        ("countries", "target"),
    ],
)
def test_moderators_may_edit_every_vocabulary(client, people, app_label, model):
    client.force_login(people["moderator"])
    listing = reverse(f"wagtailsnippets_{app_label}_{model}:list")
    assert client.get(listing).status_code == 200
    client.force_login(people["kenya-editor"])
    assert client.get(listing).status_code in (302, 403)


def test_a_moderator_translates_a_topic_with_wagtail_localize(client, people):
    topic = Topic.objects.get(locale__language_code="en", slug="recovery")
    arabic = Locale.objects.get(language_code="ar")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["core", "topic", topic.pk])
    client.force_login(people["kenya-editor"])
    client.post(url, {"locales": [arabic.pk]})
    assert not Topic.objects.filter(translation_key=topic.translation_key, locale=arabic).exists()

    client.force_login(people["moderator"])
    response = client.post(url, {"locales": [arabic.pk]})
    assert response.status_code == 302
    translated = Topic.objects.get(translation_key=topic.translation_key, locale=arabic)
    edit = reverse("wagtailsnippets_core_topic:edit", args=[translated.pk])
    assert client.get(edit, follow=True).status_code == 200


def test_an_existing_moderators_group_gets_the_permissions_after_migrate(people):
    from countries.apps import refresh_moderators

    group = Group.objects.get(name=MODERATORS)
    group.permissions.clear()
    refresh_moderators(sender=None)  # what post_migrate calls, for each app migrated
    assert group.permissions.filter(codename="change_topic").exists()
    assert group.permissions.filter(codename="submit_translation").exists()
