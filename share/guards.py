"""Abuse protection without third-party services: a signed start time, a per-IP rate
limit in Django's cache, and an upload handler that stops reading an oversized file."""

import hashlib
import time

from django.core import signing
from django.core.cache import cache
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

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


def client_address(request):
    """REMOTE_ADDR, or the header a trusted proxy sets (SHARE_CLIENT_IP_HEADER, e.g.
    "HTTP_X_REAL_IP"): behind a proxy every visitor would otherwise share one address."""
    header = conf.get("SHARE_CLIENT_IP_HEADER")
    forwarded = request.META.get(header, "") if header else ""
    return forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")


def _key(request):
    # Hashed: the cache never holds an IP address in clear.
    address = client_address(request)
    return "share:rate:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def rate_limited(request):
    """Count this post; True once the address went over the limit in the window."""
    key = _key(request)
    cache.add(key, 0, timeout=conf.get("SHARE_RATE_WINDOW"))
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=conf.get("SHARE_RATE_WINDOW"))
        count = 1
    return count > conf.get("SHARE_RATE_LIMIT")


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
