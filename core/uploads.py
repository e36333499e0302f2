"""What editors upload: images lose their metadata, documents have a size limit.

The forms are Wagtail's, extended through WAGTAILIMAGES_IMAGE_FORM_BASE and
WAGTAILDOCS_DOCUMENT_FORM_BASE, so the single upload, the multiple upload and the
choosers' upload all go through them.
"""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

# Formats whose metadata (EXIF: GPS position, camera serial, time) is dropped by
# re-encoding the pixels. GIF and SVG carry no EXIF and keep their animation or vectors.
REENCODED = {
    "JPEG": {"quality": 92},
    "PNG": {},
    "WEBP": {"quality": 92},
    "AVIF": {"quality": 80},
}


def without_metadata(image, kind, **options):
    """The image's bytes in format `kind`, right way up, with no EXIF, XMP or comments.
    The colour profile stays: it is no one's personal data and keeps colours true."""
    profile = image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image)
    if image.mode in ("P", "PA"):  # a new palette image would lose the palette
        image = image.convert("RGBA")
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    out = io.BytesIO()
    clean.save(out, format=kind, **options, **({"icc_profile": profile} if profile else {}))
    return out.getvalue()


DAMAGED = gettext_lazy("This image seems damaged or incomplete. Please upload it again.")


def _refusing_damaged(to_python):
    """Wagtail's image field reads the frames of an upload to count its pixels, and a
    truncated file makes Pillow raise there: a message instead of a 500."""

    def checked(data):
        try:
            return to_python(data)
        except (OSError, SyntaxError, Image.DecompressionBombError) as error:
            raise ValidationError(DAMAGED, code="damaged_image") from error

    return checked


class MetadataFreeImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].to_python = _refusing_damaged(self.fields["file"].to_python)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # unchanged on edit
        upload.seek(0)
        try:
            with Image.open(upload) as image:  # WagtailImageField read only its header
                kind = image.format
                if kind not in REENCODED:
                    upload.seek(0)
                    return upload
                data = without_metadata(image, kind, **REENCODED[kind])
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
            raise ValidationError(DAMAGED, code="damaged_image") from error
        return SimpleUploadedFile(upload.name, data, content_type=upload.content_type)


class LimitedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        limit = settings.MAX_DOCUMENT_UPLOAD_BYTES
        if isinstance(upload, UploadedFile) and upload.size > limit:
            raise ValidationError(
                _("This file is %(size)s. Files can be up to %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                code="file_too_large",
            )
        return upload
