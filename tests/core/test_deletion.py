"""A page in use is not deleted, by any path: the admin's delete view, its bulk action,
deleting a page above it, or code. The person is told why and what to do instead."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import transaction
from wagtail.models import Page

from core.deletion import PageDeletionRefused
from share.models import Submission
from tests.support import countries as build


@pytest.fixture
def kenya(portal_site):
    return build.country(build.country_index(portal_site), "Kenya", "KE")


@pytest.fixture
def translated_story(kenya):
    story = build.story(kenya, "Peer support in Nairobi")
    french = build.translate(story, "fr", title="Soutien par les pairs à Nairobi")
    return story, french


def delete_in_admin(client, page):
    return client.post(f"/admin/pages/{page.pk}/delete/", follow=True)


def error_messages(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


def exists(page):
    return Page.objects.filter(pk=page.pk).exists()


def test_an_english_story_with_a_translation_is_kept_and_the_editor_told_why(
    admin_client, translated_story
):
    story, french = translated_story
    assert admin_client.get(f"/admin/pages/{story.pk}/delete/").status_code == 302
    response = delete_in_admin(admin_client, story)
    assert exists(story) and exists(french)
    message = error_messages(response)[-1]
    assert "It is translated into Français." in message
    assert "Nothing was deleted. Unpublish the page instead" in message


def test_once_its_translations_are_deleted_the_story_can_be_deleted(admin_client, translated_story):
    story, french = translated_story
    delete_in_admin(admin_client, french)  # a translation may go: English remains
    assert not exists(french)
    delete_in_admin(admin_client, story)
    assert not exists(story)


def test_a_country_with_indicator_values_is_kept(admin_client, kenya):
    build.add_values(kenya, build.indicator_type(), [(datetime.date(2024, 1, 1), 120)])
    [message] = error_messages(delete_in_admin(admin_client, kenya))
    assert exists(kenya)
    assert "It has 1 indicator value." in message


def test_a_country_whose_team_has_members_is_kept(admin_client, kenya, django_user_model):
    member = django_user_model.objects.create_user("kenya-editor", password="pw")
    member.groups.add(Group.objects.get(name="Kenya editors"))
    [message] = error_messages(delete_in_admin(admin_client, kenya))
    assert exists(kenya)
    assert Group.objects.filter(name="Kenya editors").exists()
    assert "1 person works in its country team." in message


def test_a_country_with_shared_experiences_is_kept(admin_client, kenya):
    Submission.objects.create(
        what_happened="Sample text.", country=kenya, role="self", language="en"
    )
    [message] = error_messages(delete_in_admin(admin_client, kenya))
    assert exists(kenya)
    assert Submission.objects.get().country_id == kenya.pk
    assert "1 shared experience was sent for it." in message


def test_deleting_a_page_above_cannot_take_a_kept_page_with_it(admin_client, translated_story):
    story, french = translated_story
    index = story.get_parent().get_parent()
    [message] = error_messages(delete_in_admin(admin_client, index))
    assert exists(index) and exists(story) and exists(french)
    assert "Peer support in Nairobi: It is translated into Français." in message


def test_the_bulk_delete_action_refuses_too(admin_client, translated_story, settings):
    story, _french = translated_story
    url = f"/admin/bulk/wagtailcore/page/delete/?id={story.pk}"
    confirm = {"confirm_site_name": settings.WAGTAIL_SITE_NAME}
    response = admin_client.post(url, confirm, follow=True)
    assert exists(story)
    assert "It is translated into Français." in error_messages(response)[0]


def test_code_that_deletes_a_page_in_use_is_stopped(translated_story):
    story, french = translated_story
    with pytest.raises(PageDeletionRefused), transaction.atomic():
        Page.objects.get(pk=story.pk).delete()
    assert exists(story) and exists(french)


def test_a_page_with_nothing_attached_is_deleted_as_before(admin_client, kenya):
    story = build.story(kenya, "A draft nobody translated")
    delete_in_admin(admin_client, story)
    assert not exists(story)
