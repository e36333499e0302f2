"""A sharer's photo, once converted, stays private until a moderator publishes a story
with it; a confirmed withdrawal leaves nothing of the sharer's words or photo: not in a
page, a revision, an image or rendition row, a file, the search or the reference index."""

import datetime
import json
import os

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, ModelLogEntry, Page, ReferenceIndex, Revision, WorkflowState
from wagtail.search.backends import get_search_backend
from wagtail_localize.models import String, TranslationSource

from countries.models import StoryPage
from share.models import Submission
from tests.support.share import jpeg, member_of

Image = get_image_model()
Rendition = Image.get_rendition_model()

# Words nobody else on the portal writes, so a search for them finds the sharer's text only.
PHRASE = "marigold lanterns"
TEXT = f"The {PHRASE} on the ward guided my recovery at Kilimani."


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def people(django_user_model, share_countries):
    return {
        "editor": member_of(django_user_model, "Kenya editors", "kenya-editor"),
        "moderator": member_of(django_user_model, "Moderators", "moderator"),
    }


def converted(client, people, country):
    item = Submission(
        what_happened=TEXT,
        country=country,
        role="lived-experience",
        name="Wanjiru Kamau",
        language="en",
        consent_publish=True,
        publish_with_name=True,
    )
    item.image.save("wanjiru-at-kilimani.jpg", jpeg(), save=False)
    item.save()
    client.force_login(people["editor"])
    client.post(reverse("shared_experiences:convert", args=[item.pk]))
    item.refresh_from_db()
    return item, StoryPage.objects.get(pk=item.story_page_id)


def photo_of(story):
    """The Wagtail image "Convert to story" made from the sharer's photo."""
    return next(block.value["image"] for block in story.body if block.block_type == "image")


def finish(story, alt_text="Lanterns along a hospital corridor."):
    """What the editor does before the story can be published: summary, objectives, alt
    text."""
    story.summary = "A peer worker's support after a hospital stay."
    story.advances_participation = True
    body = story.body.raw_data
    for block in body:
        if block["type"] == "image":
            block["value"]["alt_text"] = alt_text
    story.body = body
    return story


def publish(page):
    page.save_revision().publish()


def confirm_withdrawal(client, people, item, capture):
    Submission.objects.filter(pk=item.pk).update(withdrawal_requested_at=item.created_at)
    client.force_login(people["moderator"])
    with capture(execute=True):  # Wagtail deletes image files once the transaction commits
        response = client.post(reverse("shared_experiences:withdraw", args=[item.pk]))
    assert response.status_code == 302
    assert not Submission.objects.filter(pk=item.pk).exists()


def api_image_ids(client):
    return [row["id"] for row in client.get("/api/v2/images/").json()["items"]]


def files_of(image):
    renditions = list(Rendition.objects.filter(image=image))
    assert renditions, "the test needs a rendition to follow"
    return [image.file.path] + [rendition.file.path for rendition in renditions]


def revisions_text():
    return " ".join(json.dumps(revision.content) for revision in Revision.objects.all())


def nothing_left_of(phrase):
    """No page of any kind, live or draft, is found by the sharer's words."""
    backend = get_search_backend()
    return list(backend.search(phrase, Page.objects.all())) == []


def test_a_converted_photo_is_private_until_its_story_is_published(client, people, share_countries):
    item, story = converted(client, people, share_countries["kenya"])
    image = photo_of(story)
    assert image.collection.name == "Kenya"
    # Wagtail serves files from MEDIA_URL by path: nothing of the upload's name, no guess.
    name = os.path.basename(image.file.name)
    assert "wanjiru" not in name and "kilimani" not in name
    assert name.startswith("shared-") and len(name) >= len("shared-") + 32
    rendition = image.get_rendition("max-165x165")  # what the admin's chooser makes

    client.logout()
    assert image.pk not in api_image_ids(client)
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404
    assert client.get(story.url_path.replace("/home", "/en", 1)).status_code == 404
    public = [
        client.get("/en/").content,
        client.get(share_countries["kenya"].url).content,
        client.get("/api/v2/pages/?type=countries.StoryPage&fields=*").content,
    ]
    for content in public:
        assert image.file.url.encode() not in content
        assert rendition.url.encode() not in content
        assert b"marigold" not in content

    publish(finish(StoryPage.objects.get(pk=story.pk)))
    assert image.pk in api_image_ids(client)
    assert Submission.objects.get(pk=item.pk).story_image == image  # for the withdrawal


def test_withdrawing_a_draft_deletes_it_with_its_translations_revisions_and_photo(
    client, people, share_countries, django_capture_on_commit_callbacks
):
    item, story = converted(client, people, share_countries["kenya"])
    image = photo_of(story)
    image.get_rendition("max-165x165")
    image.get_rendition("width-800")
    paths = files_of(image)
    finish(story).save_revision(user=people["editor"])  # a second revision, still a draft
    french = story.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french.save_revision()
    family = [story.pk, french.pk]
    assert not nothing_left_of(PHRASE)

    confirm_withdrawal(client, people, item, django_capture_on_commit_callbacks)

    assert not Page.objects.filter(pk__in=family).exists()
    assert not Revision.objects.filter(object_id__in=[str(pk) for pk in family]).exists()
    assert PHRASE not in revisions_text()
    assert not Image.objects.filter(pk=image.pk).exists()
    assert not Rendition.objects.filter(image_id=image.pk).exists()
    assert [path for path in paths if os.path.exists(path)] == []
    assert nothing_left_of(PHRASE)
    image_type = ContentType.objects.get_for_model(Image)
    assert not ReferenceIndex.objects.filter(
        to_content_type=image_type, to_object_id=str(image.pk)
    ).exists()
    assert not ReferenceIndex.objects.filter(object_id__in=[str(pk) for pk in family]).exists()
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(item.pk)).values_list("action", flat=True)
    )
    assert {"share.story_deleted", "share.photo_deleted", "share.withdrawn"} <= actions
    # The country and its other pages are untouched.
    assert Page.objects.filter(pk=share_countries["kenya"].pk, live=True).exists()


def test_withdrawing_a_published_story_unpublishes_and_empties_it(
    client, people, share_countries, django_capture_on_commit_callbacks
):
    item, story = converted(client, people, share_countries["kenya"])
    image = photo_of(story)
    publish(finish(story))
    story = StoryPage.objects.get(pk=story.pk)
    french = story.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    publish(french.specific)
    # wagtail-localize's copy of the source text, as its translation editor makes.
    TranslationSource.get_or_create_from_instance(story)
    assert String.objects.filter(data__icontains="marigold").exists()
    image.get_rendition("fill-400x300")
    paths = files_of(image)
    # A later edit scheduled to go live, then another waiting in Country review.
    story = StoryPage.objects.get(pk=story.pk)
    story.summary = f"Updated: {TEXT}"
    scheduled = story.save_revision(user=people["editor"])
    scheduled.approved_go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled.save()
    story.summary = f"Edited again: {TEXT}"
    story.save_revision(user=people["editor"])
    story.get_workflow().start(story, people["editor"])
    assert WorkflowState.objects.filter(object_id=str(story.pk), status="in_progress").exists()
    assert client.get(story.url).status_code == 200
    assert image.pk in api_image_ids(client)
    family = [story.pk, french.pk]

    confirm_withdrawal(client, people, item, django_capture_on_commit_callbacks)

    pages = StoryPage.objects.filter(pk__in=family)
    assert len(pages) == 2 and not any(page.live for page in pages)
    for page in pages:
        assert PHRASE not in f"{page.title} {page.summary} {page.body.raw_data}"
        assert not [block for block in page.body if block.block_type == "image"]
    revisions = Revision.objects.filter(object_id__in=[str(pk) for pk in family])
    assert revisions.count() >= 4
    for revision in revisions:
        text = json.dumps(revision.content) + revision.object_str
        assert PHRASE not in text and "Wanjiru" not in text
        assert f'"image": {image.pk}' not in text and revision.approved_go_live_at is None
    assert not Image.objects.filter(pk=image.pk).exists()
    assert not Rendition.objects.filter(image_id=image.pk).exists()
    assert [path for path in paths if os.path.exists(path)] == []
    assert nothing_left_of(PHRASE) and nothing_left_of("Kilimani")
    assert image.pk not in api_image_ids(client)
    client.logout()
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404
    assert not WorkflowState.objects.filter(
        object_id__in=[str(pk) for pk in family], status="in_progress"
    ).exists()
    assert not String.objects.filter(data__icontains="marigold").exists()
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(item.pk)).values_list("action", flat=True)
    )
    assert {"share.story_emptied", "share.photo_deleted", "share.withdrawn"} <= actions


def test_photos_converted_before_the_field_existed_are_found(client, people, share_countries):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("share.migrations.0002_story_image")
    item, story = converted(client, people, share_countries["kenya"])
    finish(story).save_revision()  # the first revision is the one "Convert to story" made
    Submission.objects.filter(pk=item.pk).update(story_image=None)
    migration.link_converted_photos(apps, None)
    assert Submission.objects.get(pk=item.pk).story_image == photo_of(story)
