"""A translation goes through review like any edit (issue #18;
portal/wagtail_localize_review.py). Through wagtail-localize's own views: a translator of
the Editors group translates a page to French and submits it for review; the French page
is not live until a moderator approves it."""

import html
import json
import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowPage, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from tests.support import countries as build
from tests.support.share import member_of

SUBMIT = {"portal-submit-translation": "1"}


@pytest.fixture
def kenya(portal_site):
    return build.country(build.country_index(portal_site), "Kenya", "KE")


@pytest.fixture
def french():
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def translator(django_user_model, kenya):
    return member_of(django_user_model, "Editors", "translator")


@pytest.fixture
def moderator(django_user_model, kenya):
    return member_of(django_user_model, "Moderators", "moderator")


def translate(client, user, page, locale, capture):
    """wagtail-localize's "Translate this page", its after-commit work run as it would."""
    client.force_login(user)
    with capture(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale.pk]},
        )
    assert response.status_code == 302
    return page.get_translation(locale).specific


def translation_of(target):
    return Translation.objects.get(
        source__object_id=target.translation_key, target_locale=target.locale
    )


def fill(client, target, path, text):
    """What the translation editor sends when a translator types a string."""
    translation = translation_of(target)
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def editor_props(response):
    found = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.text)
    return json.loads(html.unescape(found.group(1)))


def footer_actions(props):
    """The buttons wagtail-localize's footer (static_src/.../footer.tsx) draws from its
    props, in its order; the last one is the main button, the others are in its menu."""
    perms, links = props["perms"], props["links"]
    locked = props["object"]["isLocked"]
    offered = [
        ("Stop Synced translation", True),
        ("Convert to alias page", links["convertToAliasUrl"]),
        ("Delete", perms["canDelete"]),
        ("Lock", perms["canLock"] and not locked),
        ("Unlock", perms["canUnlock"] and locked),
        ("Unpublish", perms["canUnpublish"]),
        (f"Publish in {props['locale']['displayName']}", perms["canPublish"]),
    ]
    return [label for label, shown in offered if shown]


def approve(client, moderator, page):
    """ "Approve", as the moderator's dashboard offers it."""
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    client.force_login(moderator)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    assert url in client.get(reverse("wagtailadmin_home")).text
    return client.post(url, {"comment": ""})


def published_french_kenya(client, kenya, french, moderator, capture):
    """French Kenya translated and published by a moderator, with wagtail-localize's
    own "Publish in French"."""
    target = translate(client, moderator, kenya, french, capture)
    fill(client, target, "summary", "Le Kenya en bref.")
    with capture(execute=True):
        client.post(edit_url(target), {"action": "publish"})
    target.refresh_from_db()
    assert target.live and target.summary == "Le Kenya en bref."
    return target


def test_a_translator_is_offered_review_where_wagtail_localize_offers_an_alias(
    client, kenya, french, translator, moderator, django_capture_on_commit_callbacks
):
    target = published_french_kenya(
        client, kenya, french, moderator, django_capture_on_commit_callbacks
    )
    client.force_login(translator)
    response = client.get(edit_url(target))
    assert response.status_code == 200
    # wagtail-localize gave a translator who may not publish a live page "Convert to alias
    # page" as the main button (its only choices: that and "Stop Synced translation").
    actions = footer_actions(editor_props(response))
    assert "Convert to alias page" not in actions
    # Its footer is hidden; the portal's has "Submit for review" as its one button.
    assert ".portal-translation-review .js-translation-editor footer { display: none; }" in (
        response.text
    )
    footer = response.text[response.text.index('id="translation-review"') :]
    buttons = re.findall(r"<button[^>]*>.*?</button>", footer, re.S)
    assert len(buttons) == 1 and "Submit for review" in buttons[0]

    # Moderators keep wagtail-localize's footer: "Publish in French" first, and the alias.
    client.force_login(moderator)
    response = client.get(edit_url(target))
    actions = footer_actions(editor_props(response))
    assert actions[-1] == "Publish in French"
    assert "Convert to alias page" in actions
    assert '<div class="portal-translation-review">' not in response.text


@pytest.mark.parametrize(
    "make_page, workflow",
    [
        (lambda home: build.country(build.country_index(home), "Ghana", "GH"), "Country review"),
        # Outside the countries: Wagtail's default workflow at the root.
        (build.story_index, "Moderators approval"),
    ],
    ids=["country page", "stories page"],
)
def test_a_translation_goes_through_review_like_any_edit(
    client,
    portal_site,
    french,
    translator,
    moderator,
    make_page,
    workflow,
    django_capture_on_commit_callbacks,
):
    page = make_page(portal_site)
    target = translate(client, translator, page, french, django_capture_on_commit_callbacks)
    fill(client, target, "title", "Traduction relue")
    assert "Submit for review" in client.get(edit_url(target)).text

    response = client.post(edit_url(target), SUBMIT)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(target.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == workflow
    assert state.requested_by == translator
    target.refresh_from_db()
    assert not target.live
    assert target.get_latest_revision().as_object().title == "Traduction relue"
    # While it is in review there is nothing more to submit.
    assert "This translation is waiting for review." in client.get(edit_url(target)).text

    with django_capture_on_commit_callbacks(execute=True):
        assert approve(client, moderator, target).status_code == 302
    target.refresh_from_db()
    assert target.live
    assert target.title == "Traduction relue"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_the_public_translation_is_unchanged_until_the_review_approves(
    client, kenya, french, translator, moderator, django_capture_on_commit_callbacks
):
    target = published_french_kenya(
        client, kenya, french, moderator, django_capture_on_commit_callbacks
    )
    client.force_login(translator)
    fill(client, target, "summary", "Un résumé pas encore relu.")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit_url(target), SUBMIT).status_code == 302
    target.refresh_from_db()
    assert target.live and target.has_unpublished_changes
    assert target.summary == "Le Kenya en bref."
    client.logout()
    assert "Un résumé pas encore relu." not in client.get("/fr/countries/kenya/").text

    with django_capture_on_commit_callbacks(execute=True):
        approve(client, moderator, target)
    target.refresh_from_db()
    assert target.summary == "Un résumé pas encore relu."
    client.logout()
    assert "Un résumé pas encore relu." in client.get("/fr/countries/kenya/").text


def test_after_changes_are_asked_for_the_same_review_resumes(
    client, kenya, french, translator, moderator, django_capture_on_commit_callbacks
):
    target = translate(client, translator, kenya, french, django_capture_on_commit_callbacks)
    client.post(edit_url(target), SUBMIT)
    state = WorkflowState.objects.get(object_id=str(target.pk))
    client.force_login(moderator)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[target.pk, "reject", state.current_task_state.pk],
        ),
        {"comment": "Please translate the summary."},
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(translator)
    assert "A moderator asked for changes." in client.get(edit_url(target)).text
    fill(client, target, "summary", "Le Kenya en bref.")
    client.post(edit_url(target), SUBMIT)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.filter(object_id=str(target.pk)).count() == 1


def test_a_translation_in_review_is_not_submitted_twice(
    client, kenya, french, translator, django_capture_on_commit_callbacks
):
    target = translate(client, translator, kenya, french, django_capture_on_commit_callbacks)
    client.post(edit_url(target), SUBMIT)
    revisions = target.revisions.count()
    response = client.post(edit_url(target), SUBMIT, follow=True)
    assert response.status_code == 200
    assert "This translation is waiting for review." in response.text
    assert target.revisions.count() == revisions


def test_a_translation_that_does_not_validate_is_not_submitted(
    client, kenya, french, translator, django_capture_on_commit_callbacks
):
    kenya.seo_title = "QualityRights in Kenya"
    build.publish(kenya)
    target = translate(client, translator, kenya, french, django_capture_on_commit_callbacks)
    fill(client, target, "seo_title", "Kenya " * 50)  # longer than its column
    revisions = target.revisions.count()
    response = client.post(edit_url(target), SUBMIT, follow=True)
    assert response.status_code == 200
    assert (
        "“Kenya” in French could not be saved: Title tag: Ensure this value has at most 255 "
        "characters (it has 300)." in html.unescape(response.text)
    )
    assert target.revisions.count() == revisions
    assert not WorkflowState.objects.filter(object_id=str(target.pk)).exists()


def test_without_a_workflow_the_translation_is_saved_as_a_draft(
    client, portal_site, french, translator, django_capture_on_commit_callbacks
):
    stories = build.story_index(portal_site)
    WorkflowPage.objects.all().delete()  # no page is under a workflow
    target = translate(client, translator, stories, french, django_capture_on_commit_callbacks)
    fill(client, target, "title", "Récits")
    response = client.get(edit_url(target))
    assert "Save draft" in response.text and "Submit for review" not in response.text

    response = client.post(edit_url(target), SUBMIT, follow=True)
    assert "is saved as a draft" in response.text
    target.refresh_from_db()
    assert not target.live
    assert target.get_latest_revision().as_object().title == "Récits"
    assert not WorkflowState.objects.filter(object_id=str(target.pk)).exists()


def test_convert_to_alias_is_for_those_who_may_publish(
    client, kenya, french, translator, moderator, django_capture_on_commit_callbacks
):
    target = published_french_kenya(
        client, kenya, french, moderator, django_capture_on_commit_callbacks
    )
    url = reverse("wagtail_localize:convert_to_alias", args=[target.pk])
    client.force_login(translator)
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")  # permission denied
    assert Page.objects.get(pk=target.pk).alias_of_id is None

    # Once the translation is stopped, Wagtail's editor offers it to moderators only.
    translation = translation_of(target)
    translation.enabled = False
    translation.save()
    assert "Convert to alias page" not in client.get(edit_url(target)).text
    client.force_login(moderator)
    assert "Convert to alias page" in client.get(edit_url(target)).text
    assert client.get(url).status_code == 200


def test_sync_publishes_only_for_those_who_may_publish(
    client, kenya, french, translator, moderator, django_capture_on_commit_callbacks
):
    target = translate(client, translator, kenya, french, django_capture_on_commit_callbacks)
    source = TranslationSource.objects.get_for_instance(kenya)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert 'name="publish_translations"' not in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert not target.live

    client.force_login(moderator)
    assert 'name="publish_translations"' in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"publish_translations": "on"})
    target.refresh_from_db()
    assert target.live
