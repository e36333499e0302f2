"""“Convert to story”: a draft StoryPage under the country with the text, the image and
only the attribution the sharer agreed to, a slug from its title and no summary (the team
writes one); it then goes through Country review."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Collection, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from countries.models import StoryPage
from share.models import Submission
from tests.support import countries as build
from tests.support.share import jpeg, member_of


@pytest.fixture
def editor(django_user_model, share_countries):
    return member_of(django_user_model, "Kenya editors", "kenya-editor")


def submission(country, image=False, **fields):
    fields.setdefault("consent_publish", True)
    item = Submission(
        what_happened="Line one.\n\nThe <b>group</b> helped me.",
        country=country,
        role="lived-experience",
        name="Wanjiru Kamau",
        email="wanjiru@example.org",
        language="en",
        **fields,
    )
    if image:
        item.image.save("photo.jpg", jpeg(), save=False)
    item.save()
    return item


def convert(client, user, item):
    client.force_login(user)
    return client.post(reverse("shared_experiences:convert", args=[item.pk]))


def test_conversion_makes_a_draft_under_the_country(client, share_countries, editor):
    item = submission(share_countries["kenya"], image=True)
    response = convert(client, editor, item)
    story = StoryPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[story.pk])
    assert story.get_parent().pk == share_countries["kenya"].pk
    assert not story.live and story.has_unpublished_changes
    blocks = [(block.block_type, block.value) for block in story.body]
    assert blocks[0][0] == "text"
    assert "<p>Line one.</p>" in blocks[0][1].source
    assert "&lt;b&gt;group&lt;/b&gt;" in blocks[0][1].source
    image_block = blocks[1][1]
    assert blocks[1][0] == "image" and image_block["alt_text"] == ""
    assert image_block["image"].collection == Collection.objects.get(name="Kenya")
    item.refresh_from_db()
    assert (item.status, item.story_page_id) == ("converted", story.pk)
    assert item.closed_at is not None
    actions = set(item_log_actions(item))
    assert {"share.converted", "share.status"} <= actions


def item_log_actions(item):
    from wagtail.models import ModelLogEntry

    return ModelLogEntry.objects.for_instance(item).values_list("action", flat=True)


def story_text(story):
    revision = story.get_latest_revision()
    return str(revision.content)


def test_no_name_is_published_without_consent(client, share_countries, editor):
    item = submission(share_countries["kenya"], publish_with_name=False)
    convert(client, editor, item)
    story = StoryPage.objects.get()
    text = story_text(story) + story.title + story.summary
    assert "Wanjiru" not in text and "example.org" not in text
    assert "Shared by a person with lived experience, who asked us not to publish their name." in (
        text
    )


def test_the_name_is_published_when_the_sharer_chose_it(client, share_countries, editor):
    item = submission(share_countries["kenya"], publish_with_name=True)
    convert(client, editor, item)
    text = story_text(StoryPage.objects.get())
    assert "Shared by Wanjiru Kamau, a person with lived experience." in text
    assert "example.org" not in text


def test_no_story_without_consent_to_publish(client, share_countries, editor):
    item = submission(share_countries["kenya"], consent_publish=False)
    response = convert(client, editor, item)
    assert response.status_code == 302
    assert not StoryPage.objects.exists()
    item.refresh_from_db()
    assert item.status == "new"


def test_a_second_conversion_is_refused(client, share_countries, editor):
    item = submission(share_countries["kenya"])
    convert(client, editor, item)
    convert(client, editor, item)
    assert StoryPage.objects.count() == 1


def test_the_slug_comes_from_the_title_and_the_summary_is_left_to_the_team(
    client, share_countries, editor
):
    item = submission(share_countries["kenya"])
    response = convert(client, editor, item)
    story = StoryPage.objects.get()
    told = [str(message) for message in get_messages(response.wsgi_request)]
    assert told == [
        "Draft story created. Write a title and a short summary, choose its objectives "
        "and describe the image (alt text), then submit it for review."
    ]
    assert story.title == f"Shared experience {item.pk}: write a title"
    assert story.slug == slugify(story.title) == f"shared-experience-{item.pk}-write-a-title"
    # Nothing of the body is repeated: the summary waits for the team.
    assert story.summary == ""
    # The slug matches the title, so Wagtail's editor keeps it in step with the title
    # the team writes (the w-sync controller, applied while the story is unpublished).
    page = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).text
    title_input = re.search(r"<input[^>]*name=\"title\"[^>]*>", page).group(0)
    assert "w-sync#apply" in title_input and 'data-w-sync-target-value="#id_slug"' in title_input
    # Its preview shows no empty summary paragraph.
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[story.pk]))
    assert preview.status_code == 200 and 'class="lead"' not in preview.text


def test_the_slug_is_unique_under_the_country(client, share_countries, editor):
    item = submission(share_countries["kenya"])
    taken = f"shared-experience-{item.pk}-write-a-title"
    build.story(share_countries["kenya"], "An earlier story", slug=taken)
    convert(client, editor, item)
    assert StoryPage.objects.get(title__startswith="Shared").slug == f"{taken}-2"


def edit_form(story, **changes):
    image_block = story.body[1].value
    data = {
        "title": "Peer support helped me find work",
        "slug": "peer-support-helped-me-find-work",
        "date": "2024-05-01",
        "summary": "A peer worker helped Wanjiru back into work after a hospital stay.",
        "body": streamfield(
            [
                ("text", rich_text(story.body[0].value.source)),
                (
                    "image",
                    {
                        "image": image_block["image"].pk,
                        "alt_text": changes.pop("alt_text", ""),
                        "decorative": "",
                        "caption": "",
                    },
                ),
                ("text", rich_text(story.body[2].value.source)),
            ]
        ),
        "advances_participation": "on",
        "comments": inline_formset([]),
        "related_resources": inline_formset([]),
        "action-submit": "Submit",
    }
    data.update(changes)
    return nested_form_data(data)


def test_the_draft_needs_alt_text_and_a_summary_then_goes_to_country_review(
    client, share_countries, editor
):
    convert(client, editor, submission(share_countries["kenya"], image=True))
    story = StoryPage.objects.get()
    edit = reverse("wagtailadmin_pages:edit", args=[story.pk])
    refused = client.post(edit, edit_form(story))
    assert refused.status_code == 200
    assert "Add alt text, or mark the image as decorative." in refused.content.decode()
    no_summary = client.post(edit, edit_form(story, alt_text="People at a table.", summary=""))
    assert no_summary.context["form"].errors["summary"] == ["This field is required."]
    assert not WorkflowState.objects.exists()

    accepted = client.post(edit, edit_form(story, alt_text="Five people around a table."))
    assert accepted.status_code == 302
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.workflow.name == "Country review"
    assert state.status == "in_progress"
