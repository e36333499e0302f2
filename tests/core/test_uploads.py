"""Editors' uploads through the real admin: an image is stored without its EXIF (GPS,
camera), the right way up; a document over MAX_DOCUMENT_UPLOAD_BYTES is refused with a
message and nothing is stored."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.support.share import gps_exif, jpeg


def stored_exif(image):
    with image.file.open("rb") as f, Image.open(f) as stored:
        return dict(stored.getexif()), stored.size, stored.info


@pytest.mark.parametrize("url", ["/admin/images/add/", "/admin/images/multiple/add/"])
def test_an_uploaded_photo_loses_its_gps_position_and_camera(admin_client, portal_site, url):
    data = {"title": "Training day", "file": jpeg(size=(40, 30), exif=gps_exif())}
    if "multiple" in url:
        data = {"files[]": data["file"]}
    response = admin_client.post(url, data)
    assert response.status_code in (200, 302)
    image = get_image_model().objects.get()
    exif, size, info = stored_exif(image)
    assert ExifTags.Base.Make not in exif and ExifTags.IFD.GPSInfo not in exif
    assert "exif" not in info
    assert size == (40, 30) and (image.width, image.height) == (40, 30)


def test_a_photo_taken_sideways_is_stored_the_right_way_up(admin_client, portal_site):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # rotate 90° clockwise to display
    admin_client.post("/admin/images/add/", {"title": "Sideways", "file": jpeg((40, 30), exif)})
    image = get_image_model().objects.get()
    assert stored_exif(image)[1] == (30, 40)
    assert (image.width, image.height) == (30, 40)


def test_a_transparent_png_keeps_its_transparency(admin_client, portal_site):
    out = io.BytesIO()
    Image.new("RGBA", (8, 8), (0, 128, 0, 0)).save(out, "PNG")
    upload = SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")
    admin_client.post("/admin/images/add/", {"title": "Logo", "file": upload})
    with get_image_model().objects.get().file.open("rb") as f, Image.open(f) as stored:
        assert stored.mode == "RGBA" and stored.getpixel((0, 0))[3] == 0


def test_a_document_over_the_limit_is_refused_and_nothing_stored(
    admin_client, portal_site, settings
):
    settings.MAX_DOCUMENT_UPLOAD_BYTES = 1000
    big = SimpleUploadedFile("guide.pdf", b"%PDF-1.4\n" + b"x" * 2000)
    response = admin_client.post("/admin/documents/add/", {"title": "Guide", "file": big})
    assert response.status_code == 200
    assert "This file is 2.0\xa0KB. Files can be up to 1000\xa0bytes." in response.text
    assert not get_document_model().objects.exists()


def test_a_document_within_the_limit_is_stored(admin_client, portal_site, settings):
    settings.MAX_DOCUMENT_UPLOAD_BYTES = 1000
    small = SimpleUploadedFile("note.txt", b"A short note.")
    response = admin_client.post("/admin/documents/add/", {"title": "Note", "file": small})
    assert response.status_code == 302
    assert get_document_model().objects.get().title == "Note"


def test_a_truncated_photo_is_refused_with_a_message(admin_client, portal_site):
    whole = jpeg(size=(200, 150)).read()
    cut = SimpleUploadedFile("cut.jpg", whole[: len(whole) // 2], content_type="image/jpeg")
    response = admin_client.post("/admin/images/add/", {"title": "Cut", "file": cut})
    assert response.status_code == 200
    assert "This image seems damaged or incomplete." in response.text
    assert not get_image_model().objects.exists()


def test_an_avif_photo_loses_its_exif_too(admin_client, portal_site):
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 40)).save(out, "AVIF", exif=gps_exif())
    upload = SimpleUploadedFile("photo.avif", out.getvalue(), content_type="image/avif")
    admin_client.post("/admin/images/add/", {"title": "Avif", "file": upload})
    exif, size, _info = stored_exif(get_image_model().objects.get())
    assert ExifTags.IFD.GPSInfo not in exif and ExifTags.Base.Make not in exif
    assert size == (40, 30)
