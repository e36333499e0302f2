"""Builders and fixtures for the share tests (loaded as a plugin by conftest.py): Kenya
and Ghana with their teams, form posts that look like a person's, images made with Pillow."""

import io
import struct
import time
import zlib

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from share.guards import SALT
from tests.support import countries as build


@pytest.fixture
def private_files(settings, tmp_path):
    # Each test gets its own private folder; nothing lands in the checkout.
    settings.SHARE_PRIVATE_ROOT = str(tmp_path / "private")
    return tmp_path / "private"


@pytest.fixture
def share_countries(portal_site, private_files):
    """Kenya and Ghana (with their teams) under the English country index."""
    index = build.country_index(portal_site)
    return {
        "kenya": build.country(index, "Kenya", "KE"),
        "ghana": build.country(index, "Ghana", "GH"),
    }


def member_of(django_user_model, group_name, username, email=""):
    user = django_user_model.objects.create_user(username, email=email, password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def started(seconds_ago=60):
    return signing.dumps(time.time() - seconds_ago, salt=SALT)


def form_data(**overrides):
    data = {
        "what_happened": "The peer support group helped me find work again.",
        "country": "kenya",
        "role": "lived-experience",
        "name": "",
        "email": "",
        "publish_name": "without",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def jpeg(size=(40, 30), exif=None, name="photo.jpg"):
    out = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG", **options)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def gps_exif():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S"
    gps[ExifTags.GPS.GPSLatitude] = (1.0, 17.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (36.0, 49.0, 0.0)
    return exif


def png_claiming(width, height):
    """A tiny PNG whose header claims width x height pixels: what a decompression bomb
    looks like to Pillow, without building one."""
    out = io.BytesIO()
    Image.new("L", (1, 1)).save(out, "PNG")
    data = bytearray(out.getvalue())
    # IHDR data starts at byte 16: width, height, then depth, colour type and so on.
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return SimpleUploadedFile("big.png", bytes(data), content_type="image/png")
