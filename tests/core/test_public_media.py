"""A document or image is public only while a live page without view restrictions uses
it: before, it is neither downloadable by URL nor listed by the API; editors who may
choose it still download it."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from resources.models import ResourceFile
from tests.support.resources import make_resource, pdf_document


def download(client, document):
    return client.get(f"/documents/{document.pk}/{document.filename}")


def listed(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/")
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


@pytest.fixture
def resource(library):
    return make_resource(library, "Recovery guide")


@pytest.fixture
def document(resource):
    return resource.files.get().document


def test_a_published_resources_file_is_public(client, document):
    assert download(client, document).status_code == 200
    assert document.pk in listed(client, "documents")


def test_an_unpublished_resources_file_is_private_again(client, resource, document):
    resource.unpublish()
    assert download(client, document).status_code == 404
    assert document.pk not in listed(client, "documents")


def test_an_editor_who_may_choose_it_still_downloads_it(admin_client, resource, document):
    resource.unpublish()
    assert download(admin_client, document).status_code == 200


def test_a_file_added_in_an_unpublished_edit_stays_private(client, resource):
    draft = resource.get_latest_revision_as_object()
    new = pdf_document("New version fr")
    draft.files.add(ResourceFile(document=new, language="fr"))
    revision = draft.save_revision()
    assert download(client, new).status_code == 404
    assert new.pk not in listed(client, "documents")
    revision.publish()
    assert download(client, new).status_code == 200


def test_an_unused_upload_is_private(client, library):
    orphan = pdf_document("Uploaded, never used")
    assert download(client, orphan).status_code == 404
    assert orphan.pk not in listed(client, "documents")


def test_a_file_used_only_behind_a_password_is_private(client, resource, document):
    PageViewRestriction.objects.create(page=resource, restriction_type="password", password="x")
    assert download(client, document).status_code == 404
    assert document.pk not in listed(client, "documents")


def test_an_image_is_listed_once_its_page_is_published(client, resource):
    image = get_image_model().objects.create(title="Cover", file=get_test_image_file())
    assert image.pk not in listed(client, "images")
    draft = resource.get_latest_revision_as_object()
    draft.cover_image = image
    revision = draft.save_revision()
    assert image.pk not in listed(client, "images")
    revision.publish()
    assert image.pk in listed(client, "images")
