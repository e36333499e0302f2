"""Country teams: provisioning, isolation between countries, and the review workflow."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import Collection, GroupPagePermission, Page, WorkflowState

from tests.support import countries as build

Image = get_image_model()
IMAGE = Path(__file__).resolve().parents[1] / "data" / "pixel.png"


@pytest.fixture
def tree(portal_site):
    index = build.country_index(portal_site)
    kenya = build.country(index, "Kenya", "KE")
    ghana = build.country(index, "Ghana", "GH")
    return {"index": index, "kenya": kenya, "ghana": ghana}


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def kenya_editor(django_user_model, tree):
    return member_of(django_user_model, "Kenya editors", "kenya-editor")


@pytest.fixture
def moderator(django_user_model, tree):
    return member_of(django_user_model, "Moderators", "moderator")


def page_codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_creating_a_country_provisions_its_team(tree):
    group = Group.objects.get(name="Kenya editors")
    assert page_codenames(group, tree["kenya"]) == {"add_page", "change_page"}
    assert group.permissions.filter(codename="access_admin").exists()
    collection = Collection.objects.get(name="Kenya")
    assert set(
        group.collection_permissions.filter(collection=collection).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_image", "choose_image", "add_document", "choose_document"}


def test_every_translation_of_the_country_is_in_the_team(tree):
    arabic = build.translate(tree["kenya"], "ar", title="كينيا")
    group = Group.objects.get(name="Kenya editors")
    assert page_codenames(group, arabic) == {"add_page", "change_page"}
    # Naming follows the English title, whatever locale was saved last.
    assert not Group.objects.filter(name="كينيا editors").exists()


def test_renaming_the_country_renames_group_and_collection(tree):
    kenya = tree["kenya"]
    kenya.title = "Republic of Kenya"
    build.publish(kenya)
    assert Group.objects.filter(name="Republic of Kenya editors").exists()
    assert not Group.objects.filter(name="Kenya editors").exists()
    assert Collection.objects.filter(name="Republic of Kenya").exists()


def test_deleting_the_country_removes_the_group_and_archives_the_collection(tree):
    Page.objects.get(pk=tree["kenya"].pk).delete()
    assert not Group.objects.filter(name="Kenya editors").exists()
    assert Collection.objects.filter(name="Kenya (archived)").exists()
    assert Group.objects.filter(name="Ghana editors").exists()


def test_kenya_editor_edits_but_cannot_publish_kenya_nor_touch_ghana(tree, kenya_editor):
    kenya, ghana = tree["kenya"], tree["ghana"]
    story = build.story(kenya, "Peer support in Nairobi")
    arabic = build.translate(kenya, "ar", title="كينيا")
    for page in (kenya, story, arabic):
        permissions = page.permissions_for_user(kenya_editor)
        assert permissions.can_edit() and not permissions.can_publish()
    assert kenya.permissions_for_user(kenya_editor).can_add_subpage()
    assert not ghana.permissions_for_user(kenya_editor).can_edit()
    uploadable = image_policy.collections_user_has_permission_for(kenya_editor, "add")
    assert [c.name for c in uploadable] == ["Kenya"]


def test_kenya_editor_is_refused_ghana_in_the_admin(client, tree, kenya_editor):
    client.force_login(kenya_editor)
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[tree["kenya"].pk])).status_code == 200
    )
    response = client.get(reverse("wagtailadmin_pages:edit", args=[tree["ghana"].pk]))
    assert response.status_code in (302, 403)
    with open(IMAGE, "rb") as upload:
        response = client.post(
            reverse("wagtailimages:add"),
            {"title": "x", "file": upload, "collection": Collection.objects.get(name="Ghana").pk},
        )
    assert response.status_code == 302
    # Kenya's collection is the only one offered: the upload lands there, never in Ghana's.
    assert [image.collection.name for image in Image.objects.all()] == ["Kenya"]


def submit(client, page, editor, **changes):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, build.edit_form(page, **changes, **{"action-submit": "Submit"}))
    assert response.status_code == 302, response.context["form"].errors
    return WorkflowState.objects.filter(object_id=str(page.pk)).latest("created_at")


def act(client, page, moderator, state, action, comment=""):
    client.force_login(moderator)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, state.current_task_state.pk],
    )
    return client.post(url, {"comment": comment})


def test_moderator_publishes_what_a_country_editor_submits(client, tree, kenya_editor, moderator):
    kenya = tree["kenya"]
    state = submit(client, kenya, kenya_editor, summary="A clearer summary.")
    assert state.status == "in_progress"
    assert state.workflow.name == "Country review"
    kenya.refresh_from_db()
    assert kenya.summary == "Kenya summary."  # not live until approved
    act(client, kenya, moderator, state, "approve")
    state.refresh_from_db()
    kenya.refresh_from_db()
    assert state.status == "approved"
    assert kenya.summary == "A clearer summary."


def test_rejection_keeps_the_submitted_revision(client, tree, kenya_editor, moderator):
    kenya = tree["kenya"]
    state = submit(client, kenya, kenya_editor, summary="A draft to improve.")
    act(client, kenya, moderator, state, "reject", comment="Please add the date.")
    state.refresh_from_db()
    assert state.status == "needs_changes"
    kenya.refresh_from_db()
    assert kenya.summary == "Kenya summary."
    latest = kenya.get_latest_revision_as_object()
    assert latest.summary == "A draft to improve."
    task_state = state.task_states.get()
    assert task_state.comment == "Please add the date."
