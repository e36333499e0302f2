"""Media and sharers' images on S3, against an S3-compatible server run here (moto's server
mode), with the production settings' STORAGES for a public media bucket and a private
bucket: a public image is fetched by anyone at its URL; a sharer's image is stored in the
private bucket, refused at its plain URL, never given a URL by the portal, and still shown
to the country team through the moderation view."""

import urllib.error
import urllib.request

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from share.models import Submission
from tests.support.s3 import (
    PRIVATE_BUCKET,
    PUBLIC_BUCKET,
    client,
)
from tests.support.share import form_data, jpeg, member_of


def anonymous_get(url):
    """(status, body) of a plain GET with no credentials, as a browser would send it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (localhost)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_public_image_is_served_from_the_public_bucket(s3_storages, portal_site):
    image = get_image_model().objects.create(title="Meeting", file=get_test_image_file())
    rendition = image.get_rendition("fill-80x60")

    for url, name in ((image.file.url, image.file.name), (rendition.url, rendition.file.name)):
        assert url == f"{s3_storages}/{PUBLIC_BUCKET}/{name}"
        status, body = anonymous_get(url)
        assert status == 200
        stored = client(s3_storages).get_object(Bucket=PUBLIC_BUCKET, Key=name)["Body"].read()
        assert body == stored


@pytest.fixture
def shared_photo(client, s3_storages, share_countries):
    """A submission with a photo, sent through the public form."""
    photo = jpeg(size=(64, 48))
    response = client.post("/en/share/", {**form_data(), "image": photo})
    assert response.status_code == 302
    return Submission.objects.get()


def test_a_sharers_image_goes_to_the_private_bucket_and_is_refused_there(s3_storages, shared_photo):
    name = shared_photo.image.name
    s3 = client(s3_storages)
    assert s3.head_object(Bucket=PRIVATE_BUCKET, Key=name)["ContentLength"] > 0
    public_names = [o["Key"] for o in s3.list_objects_v2(Bucket=PUBLIC_BUCKET).get("Contents", [])]
    assert name not in public_names
    grants = s3.get_object_acl(Bucket=PRIVATE_BUCKET, Key=name)["Grants"]
    assert all("URI" not in grant["Grantee"] for grant in grants)  # no AllUsers, no AuthUsers

    # AWS answers 403 AccessDenied; moto sends the 403 with an empty body.
    status, body = anonymous_get(f"{s3_storages}/{PRIVATE_BUCKET}/{name}")
    assert status == 403
    assert body != client_bytes(s3_storages, name)


def test_the_portal_makes_no_url_for_a_sharers_image(s3_storages, shared_photo):
    with pytest.raises(ValueError, match="no URL"):
        _ = shared_photo.image.url


def test_the_country_team_still_sees_the_image_through_the_admin(
    client, django_user_model, s3_storages, shared_photo
):
    client.force_login(member_of(django_user_model, "Kenya editors", "kenya-editor"))
    detail = client.get(reverse("shared_experiences:detail", args=[shared_photo.pk]))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert s3_storages not in html
    assert PRIVATE_BUCKET not in html

    response = client.get(reverse("shared_experiences:image", args=[shared_photo.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    stored = client_bytes(s3_storages, shared_photo.image.name)
    assert b"".join(response.streaming_content) == stored


def client_bytes(endpoint, name):
    return client(endpoint).get_object(Bucket=PRIVATE_BUCKET, Key=name)["Body"].read()
