"""Images are checked with Pillow, re-encoded without metadata and kept privately."""

from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from share.models import Submission
from tests.support.share import form_data, gps_exif, jpeg, png_claiming

URL = "/en/share/"


def post_image(client, upload):
    return client.post(URL, {**form_data(), "image": upload})


def test_gps_and_camera_details_are_removed_before_storage(client, share_countries):
    upload = jpeg(size=(64, 48), exif=gps_exif())
    assert Image.open(upload).getexif().get_ifd(0x8825)  # the test image does carry GPS
    upload.seek(0)
    assert post_image(client, upload).status_code == 302
    stored = Submission.objects.get().image
    with stored.open("rb") as f, Image.open(f) as image:
        assert image.format == "JPEG"
        assert image.size == (64, 48)
        assert not image.getexif()
        assert "exif" not in image.info


def test_images_are_stored_outside_the_public_media_folder(client, share_countries, private_files):
    post_image(client, jpeg())
    path = Submission.objects.get().image.path
    assert path.startswith(str(private_files))
    assert not path.startswith(str(django_settings.MEDIA_ROOT) + "/")
    assert Submission.objects.get().image.name.endswith(".jpg")


def test_a_20000_by_20000_pixel_image_is_refused_with_a_message(client, share_countries):
    response = post_image(client, png_claiming(20_000, 20_000))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This image is too large. Please send a smaller photo." in html
    assert "Please choose your photo again." not in html  # shown with the field error
    assert Submission.objects.count() == 0


def test_an_image_over_the_pixel_limit_is_refused(client, share_countries, settings):
    settings.SHARE_MAX_IMAGE_PIXELS = 100
    response = post_image(client, jpeg(size=(20, 20)))
    assert "This image is too large." in response.content.decode()


def test_text_renamed_to_jpg_is_refused(client, share_countries):
    fake = SimpleUploadedFile("photo.jpg", b"not an image at all", content_type="image/jpeg")
    response = post_image(client, fake)
    assert "We could not read this file as an image." in response.content.decode()
    assert Submission.objects.count() == 0


def test_a_truncated_image_is_refused(client, share_countries):
    whole = jpeg(size=(400, 300)).read()
    cut = SimpleUploadedFile("photo.jpg", whole[: len(whole) // 2], content_type="image/jpeg")
    response = post_image(client, cut)
    assert response.status_code == 200
    assert "This image seems damaged." in response.content.decode()
    assert Submission.objects.count() == 0


def test_other_image_types_are_refused(client, share_countries):
    import io

    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    gif = SimpleUploadedFile("anim.gif", out.getvalue(), content_type="image/gif")
    assert "Please send a JPEG, PNG or WebP image." in post_image(client, gif).content.decode()


def test_a_file_over_the_size_limit_is_refused_while_uploading(client, share_countries, settings):
    settings.SHARE_MAX_IMAGE_BYTES = 2000
    big = SimpleUploadedFile("big.jpg", b"\xff" * 50_000, content_type="image/jpeg")
    response = post_image(client, big)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This image is too big to send. Please choose one under 2.0\xa0KB." in html
    assert "The peer support group helped me find work again." in html
    assert Submission.objects.count() == 0


def test_transparent_png_stays_png_with_its_transparency(client, share_countries):
    import io

    out = io.BytesIO()
    Image.new("RGBA", (8, 8), (0, 0, 0, 0)).save(out, "PNG")
    upload = SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")
    assert post_image(client, upload).status_code == 302
    with Submission.objects.get().image.open("rb") as f, Image.open(f) as image:
        assert (image.format, image.mode) == ("PNG", "RGBA")
