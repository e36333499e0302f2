"""Country teams translate their own country's pages into any of the portal's languages,
and only those (issue #18; countries/teams.py, portal/wagtail_localize_review.py): the
translation is a draft that goes through "Country review" like any edit of theirs."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from countries.apps import refresh_teams
from tests.support import countries as build

SUBMIT = {"portal-submit-translation": "1"}


@pytest.fixture
def world(portal_site, django_user_model):
    index = build.country_index(portal_site)
    kenya = build.country(index, "Kenya", "KE")
    ghana = build.country(index, "Ghana", "GH")
    people = {}
    for username, group in (("kenya-member", "Kenya editors"), ("moderator", "Moderators")):
        people[username] = django_user_model.objects.create_user(username, password="pw")
        people[username].groups.add(Group.objects.get(name=group))
    return {"home": portal_site, "index": index, "kenya": kenya, "ghana": ghana, **people}


def submit_translation(client, page, code, capture):
    locale = Locale.objects.get(language_code=code)
    with capture(execute=True):
        return client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale.pk]},
        )


def translated(page, code):
    return page.get_translation_or_none(Locale.objects.get(language_code=code))


def test_a_country_team_translates_its_own_country_through_review(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["kenya-member"])
    kenya, story = world["kenya"], build.story(world["kenya"], "Peer support in Nairobi")
    for page in (kenya, story):
        response = submit_translation(client, page, "fr", django_capture_on_commit_callbacks)
        assert response.status_code == 302
        assert not translated(page, "fr").live

    french = translated(story, "fr").specific
    translation = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=french.locale
    )
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": "Le soutien par les pairs à Nairobi"}),
        content_type="application/x-www-form-urlencoded",
    )
    edit = reverse("wagtailadmin_pages:edit", args=[french.pk])
    assert "Submit for review" in client.get(edit).text
    assert client.post(edit, SUBMIT).status_code == 302
    state = WorkflowState.objects.get(object_id=str(french.pk))
    assert (state.workflow.name, state.status) == ("Country review", "in_progress")

    client.force_login(world["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[french.pk, "approve", state.current_task_state.pk],
            )
        )
    french.refresh_from_db()
    assert french.live and french.title == "Le soutien par les pairs à Nairobi"


def test_a_country_team_may_not_translate_other_pages(
    client, world, django_capture_on_commit_callbacks
):
    stories = build.story_index(world["home"])
    ghana_story = build.story(world["ghana"], "Ghana's story")
    client.force_login(world["kenya-member"])
    for page in (world["ghana"], ghana_story, world["index"], stories):
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        assert client.get(url).status_code == 302  # Wagtail's "permission denied"
        response = submit_translation(client, page, "fr", django_capture_on_commit_callbacks)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert translated(page, "fr") is None


def test_nor_sync_another_countrys_translations(client, world, django_capture_on_commit_callbacks):
    client.force_login(world["moderator"])
    submit_translation(client, world["ghana"], "fr", django_capture_on_commit_callbacks)
    source = TranslationSource.objects.get_for_instance(world["ghana"])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    client.force_login(world["kenya-member"])
    assert client.get(url)["Location"] == reverse("wagtailadmin_home")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"publish_translations": "on"})
    assert not translated(world["ghana"], "fr").live


def test_other_countries_translations_stay_out_of_sight(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["moderator"])
    submit_translation(client, world["ghana"], "fr", django_capture_on_commit_callbacks)
    french_ghana = translated(world["ghana"], "fr")
    client.force_login(world["kenya-member"])
    submit_translation(client, world["kenya"], "fr", django_capture_on_commit_callbacks)

    listing = client.get(reverse("wagtail_localize:translations_report")).text
    assert "Kenya (French)" in listing
    assert "Ghana (French)" not in listing
    # The draft itself: not in the French countries' listing, and not to be edited.
    explorer = client.get(reverse("wagtailadmin_explore", args=[french_ghana.get_parent().pk]))
    assert explorer.status_code == 200
    assert reverse("wagtailadmin_pages:edit", args=[french_ghana.pk]) not in explorer.text
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[french_ghana.pk]))
    assert edit["Location"] == reverse("wagtailadmin_home")  # Wagtail's "permission denied"


def test_existing_team_groups_may_translate_after_migrate(world):
    group = Group.objects.get(name="Kenya editors")
    submit = Permission.objects.get(codename="submit_translation")
    group.permissions.remove(submit)  # as a group made by an earlier release
    refresh_teams(sender=None)  # what post_migrate calls, for each app migrated
    assert group.permissions.filter(pk=submit.pk).exists()
    assert group.permissions.filter(codename="access_admin").exists()
