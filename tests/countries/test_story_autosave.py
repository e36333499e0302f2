"""A story's draft is saved as the editor writes it: Wagtail's autosave (a background
POST of the edit form to the edit or create view, answered in JSON) succeeds with an
empty block of any kind, an image still without alt text and no objective chosen yet.
Submitting or publishing still refuses them, saying what is missing."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from countries.models import StoryPage
from tests.support import countries as build
from tests.support.share import jpeg

# What the editor's browser sends for a block just added and left empty.
EMPTY = {
    "text": rich_text(""),
    "image": {"image": "", "alt_text": "", "decorative": "", "caption": ""},
    "quote": {"quote": "", "attribution": "", "consent": ""},
    "video": {"video": "", "title": "", "transcript": ""},
    "key_figure": {"value": "", "label": "", "date": "", "source": ""},
    "resource_link": {"resource": "", "note": ""},
}
TEXT = ("text", rich_text("<p>Peer workers now sit on the hospital board.</p>"))


@pytest.fixture
def kenya(portal_site):
    return build.country(build.country_index(portal_site), "Kenya", "KE")


@pytest.fixture
def story(kenya):
    return build.story(kenya, "Peer support in Nairobi")


def login(client, django_user_model, group):
    user = django_user_model.objects.create_user(group.lower().replace(" ", "-"), password="pw")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


@pytest.fixture
def editor(client, django_user_model, kenya):
    return login(client, django_user_model, "Kenya editors")


def photo():
    return get_image_model().objects.create(title="Group", file=ImageFile(jpeg(), "group.jpg"))


def form(page, blocks, **changes):
    """The edit form as the browser sends it, the loaded revision included (autosave
    refuses to overwrite a newer one)."""
    revision = page.get_latest_revision()
    data = {
        "title": page.title,
        "slug": page.slug,
        "date": "2024-05-01",
        "summary": page.summary,
        "body": streamfield(blocks),
        "advances_capacity": "on",
        "comments": inline_formset([]),
        "related_resources": inline_formset([]),
        "loaded_revision_id": revision.pk if revision else "",
        "loaded_revision_created_at": revision.created_at.isoformat() if revision else "",
    }
    data.update(changes)
    return nested_form_data(data)


def autosave(client, url, data):
    """Wagtail's autosave: the same form, asking for JSON."""
    response = client.post(url, data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.parametrize("kind", list(EMPTY))
def test_an_empty_block_is_autosaved_with_the_draft(client, editor, story, kind):
    answer = autosave(client, edit_url(story), form(story, [TEXT, (kind, EMPTY[kind])]))
    assert answer["success"], answer
    story.refresh_from_db()
    draft = story.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["text", kind]
    assert story.live and len(story.body) == 0  # the published story is untouched


def test_an_image_waiting_for_its_alt_text_is_autosaved(client, editor, story):
    image = {"image": photo().pk, "alt_text": "", "decorative": "", "caption": ""}
    answer = autosave(client, edit_url(story), form(story, [TEXT, ("image", image)]))
    assert answer["success"], answer


def test_a_draft_without_objectives_is_autosaved(client, editor, kenya):
    # As a story made from a shared experience starts: a draft, no objective chosen.
    draft = StoryPage(title="Shared experience 1", summary="", live=False)
    kenya.add_child(instance=draft)
    draft.save_revision(clean=False)
    answer = autosave(client, edit_url(draft), form(draft, [TEXT], advances_capacity=""))
    assert answer["success"], answer
    draft.refresh_from_db()
    assert draft.get_latest_revision().pk == answer["revision_id"]


def test_a_new_story_is_autosaved_before_its_objectives_and_summary(client, editor, kenya):
    url = reverse("wagtailadmin_pages:add", args=["countries", "storypage", kenya.pk])
    data = form(StoryPage(title="Peer support in Mombasa", slug="peer-support-in-mombasa"), [])
    data.update({"summary": "", "advances_capacity": ""})
    answer = autosave(client, url, data)
    assert answer["success"], answer
    created = StoryPage.objects.get(title="Peer support in Mombasa")
    assert not created.live and created.get_parent().pk == kenya.pk


@pytest.mark.parametrize(
    "group, action", [("Kenya editors", "action-submit"), ("Moderators", "action-publish")]
)
def test_submitting_or_publishing_says_what_is_missing(
    client, django_user_model, story, group, action
):
    login(client, django_user_model, group)
    image = {"image": photo().pk, "alt_text": "", "decorative": "", "caption": ""}
    blocks = [TEXT, ("quote", EMPTY["quote"]), ("image", image)]
    data = form(story, blocks, advances_capacity="", **{action: "Go"})
    response = client.post(edit_url(story), data)
    assert response.status_code == 200
    assert "The page could not be saved due to validation errors" in response.text
    errors = response.context["form"].errors
    assert errors["__all__"] == ["Choose at least one QualityRights objective."]
    body = errors.as_data()["body"][0].as_json_data()["blockErrors"]
    assert sorted(body[1]["blockErrors"]) == ["attribution", "consent", "quote"]
    assert body[1]["blockErrors"]["quote"] == {"messages": ["This field is required."]}
    assert body[2]["blockErrors"]["alt_text"] == {
        "messages": ["Add alt text, or mark the image as decorative."]
    }
    assert not WorkflowState.objects.filter(object_id=str(story.pk)).exists()
    story.refresh_from_db()
    assert len(story.body) == 0
