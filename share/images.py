"""Checks a sharer's image with Pillow and re-encodes it, so that only pixels are kept:
no EXIF (GPS position, camera serial), no comments, no embedded profiles."""

import io
import os

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from share import conf

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def _refuse(message):
    raise ValidationError(message, code="image")


def _open(upload):
    try:
        image = Image.open(upload)
    except Image.DecompressionBombError:
        _refuse(_("This image is too large. Please send a smaller photo."))
    except (UnidentifiedImageError, OSError, ValueError):
        _refuse(_("We could not read this file as an image. Please send a JPEG, PNG or WebP."))
    if image.format not in FORMATS:
        _refuse(_("Please send a JPEG, PNG or WebP image."))
    width, height = image.size
    if width * height > conf.get("SHARE_MAX_IMAGE_PIXELS"):
        _refuse(_("This image is too large. Please send a smaller photo."))
    return image


def too_big_message():
    limit = filesizeformat(conf.get("SHARE_MAX_IMAGE_BYTES"))
    return _("This image is too big to send. Please choose one under %(size)s.") % {"size": limit}


def clean_image(upload):
    """A ContentFile holding the re-encoded image, or ValidationError with a message for
    the sharer."""
    if upload.size > conf.get("SHARE_MAX_IMAGE_BYTES"):
        limit = filesizeformat(conf.get("SHARE_MAX_IMAGE_BYTES"))
        _refuse(
            _("This image is too big to send. Please choose one under %(size)s.") % {"size": limit}
        )
    image = _open(upload)
    kind = image.format
    try:
        # Keep the photo the right way up before its orientation tag goes with the EXIF.
        image = ImageOps.exif_transpose(image)
        side = conf.get("SHARE_STORED_IMAGE_SIDE")
        image.thumbnail((side, side))
        has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        mode = "RGBA" if has_alpha and kind != "JPEG" else "RGB"
        pixels = image.convert(mode)
    except (OSError, ValueError, SyntaxError):
        _refuse(_("This image seems damaged. Please try another one."))
    # A fresh image has an empty `info`: nothing but the pixels reaches the file.
    clean = Image.new(mode, pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    clean.save(out, format=kind, **({"quality": 88} if kind != "PNG" else {}))
    stem = os.path.splitext(os.path.basename(upload.name or "image"))[0][:40] or "image"
    return ContentFile(out.getvalue(), name=f"{stem}.{FORMATS[kind]}")
