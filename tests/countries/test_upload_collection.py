"""Uploads from the choosers of a page's form (a resource's files, a story's images) land
in the uploader's country collection: it is the upload tab's default for a member of one
country team, whatever other collections a second group (e.g. translators, Editors, on
Root) opens to them; a collection they hold no permission on is refused. Moderators and
superusers keep Wagtail's default (Root)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.support import countries as build
from tests.support.share import jpeg

# The two choosers' upload tabs: where the form is shown, where it is sent, its prefix.
CHOOSERS = {
    "document": ("wagtaildocs_chooser:choose", "wagtaildocs_chooser:create", "document"),
    "image": ("wagtailimages_chooser:choose", "wagtailimages_chooser:create", "image"),
}
MODELS = {"document": get_document_model, "image": get_image_model}


@pytest.fixture
def countries(portal_site):
    index = build.country_index(portal_site)
    for name, code in [("Kenya", "KE"), ("Ghana", "GH"), ("Zimbabwe", "ZW")]:
        build.country(index, name, code)


@pytest.fixture
def person(django_user_model, countries):
    def make(*groups, superuser=False):
        user = django_user_model.objects.create_user(
            "person", password="pw", is_superuser=superuser
        )
        user.groups.add(*Group.objects.filter(name__in=groups))
        return user

    return make


def upload(kind):
    if kind == "image":
        return jpeg(name="training.jpg")
    return SimpleUploadedFile("guide.txt", b"How to run a peer support group.")


def upload_tab(client, kind):
    """The collection select of the chooser's upload tab: its options and the one a
    browser sends (the selected option, else the first), or None when the form has no
    collection field."""
    response = client.get(reverse(CHOOSERS[kind][0]))
    assert response.status_code == 200
    html = response.json()["html"]
    select = re.search(rf'<select name="{kind}-chooser-upload-collection".*?</select>', html, re.S)
    if select is None:
        return None
    options = re.findall(r'<option value="(\d+)"( selected)?', select.group(0))
    names = dict(Collection.objects.values_list("pk", "name"))
    selected = [pk for pk, mark in options if mark] or [options[0][0]]
    assert len(selected) == 1
    return [names[int(pk)] for pk, _ in options], names[int(selected[0])]


def send(client, kind, collection=None):
    prefix = f"{CHOOSERS[kind][2]}-chooser-upload"
    data = {f"{prefix}-title": "Peer support guide", f"{prefix}-file": upload(kind)}
    if collection is not None:
        data[f"{prefix}-collection"] = Collection.objects.get(name=collection).pk
    return client.post(reverse(CHOOSERS[kind][1]), data)


def stored(kind):
    return [item.collection.name for item in MODELS[kind]().objects.all()]


@pytest.mark.parametrize("kind", ["document", "image"])
def test_a_translator_in_a_country_team_uploads_to_the_country_by_default(client, person, kind):
    # Editors (translators) may add to Root and so to every collection below it: without
    # a default, Root came first and was selected.
    client.force_login(person("Kenya editors", "Editors"))
    choices, chosen = upload_tab(client, kind)
    assert {"Root", "Kenya", "Ghana"} <= set(choices)
    assert chosen == "Kenya"
    response = send(client, kind, collection=chosen)
    assert response.status_code == 200 and response.json()["step"] == "chosen"
    assert stored(kind) == ["Kenya"]


@pytest.mark.parametrize("kind", ["document", "image"])
def test_a_country_team_member_uploads_only_to_their_country(client, person, kind):
    client.force_login(person("Kenya editors"))
    # One collection: Wagtail shows no choice and stores the upload there...
    assert upload_tab(client, kind) is None
    # ...even when a request names another country's collection.
    response = send(client, kind, collection="Ghana")
    assert response.status_code == 200 and response.json()["step"] == "chosen"
    assert stored(kind) == ["Kenya"]


@pytest.mark.parametrize("kind", ["document", "image"])
def test_a_collection_without_permission_is_refused(client, person, kind):
    # Two teams: two collections to choose from, no default (the person decides), and
    # a third country's collection refused with the form's message.
    client.force_login(person("Kenya editors", "Ghana editors"))
    choices, _chosen = upload_tab(client, kind)
    assert sorted(choices) == ["Ghana", "Kenya"]
    response = send(client, kind, collection="Zimbabwe")
    assert response.status_code == 200 and response.json()["step"] == "reshow_creation_form"
    assert "Select a valid choice" in response.json()["htmlFragment"]
    assert stored(kind) == []


@pytest.mark.parametrize("kind", ["document", "image"])
@pytest.mark.parametrize("who", ["moderator", "superuser"])
def test_moderators_and_superusers_keep_root_as_the_default(client, person, kind, who):
    groups = ["Moderators", "Kenya editors"] if who == "moderator" else ["Kenya editors"]
    client.force_login(person(*groups, superuser=who == "superuser"))
    _choices, chosen = upload_tab(client, kind)
    assert chosen == "Root"


def test_editing_a_document_keeps_its_collection(client, person):
    document = get_document_model().objects.create(
        title="Old guide",
        file=upload("document"),
        collection=Collection.objects.get(name="Ghana"),
    )
    client.force_login(person("Kenya editors", "Editors"))
    response = client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    assert response.status_code == 200
    selected = re.search(r'<option value="(\d+)" selected', response.text)
    assert int(selected.group(1)) == document.collection_id
