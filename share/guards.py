"""Abuse protection without third-party services: a signed start time, a per-address
rate limit (core.ratelimit), and an upload handler that stops reading an oversized file."""

import time

from django.core import signing
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

from core.ratelimit import over_limit
from share import conf

SALT = "share.form-started"


def start_token():
    return signing.dumps(time.time(), salt=SALT)


def fill_problem(token):
    """None when the form took a human time to fill; "fast" or "expired" otherwise."""
    try:
        started = float(signing.loads(token, salt=SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return "expired"
    elapsed = time.time() - started
    if elapsed < conf.get("SHARE_MIN_FILL_SECONDS"):
        return "fast"
    if elapsed > conf.get("SHARE_FORM_MAX_AGE"):
        return "expired"
    return None


def rate_limited(request):
    """Count this post; True once the address went over the limit in the window."""
    return over_limit(request, "share", conf.get("SHARE_RATE_LIMIT"), conf.get("SHARE_RATE_WINDOW"))


class LimitedUploadHandler(FileUploadHandler):
    """Skips a file once it passes the size limit, and flags the request, so the form can
    say so instead of storing gigabytes in a temporary file first."""

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > conf.get("SHARE_MAX_IMAGE_BYTES"):
            self.request.share_upload_too_big = True
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size):
        return None
