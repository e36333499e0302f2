"""Private file storage for sharers' images: no public URL, read by the admin view only.

The files live in `STORAGES["private"]`: a folder outside MEDIA_ROOT by default
(`PrivateFileSystemStorage`), a private S3 bucket in production when
SHARE_PRIVATE_BUCKET_NAME is set (portal/settings/production.py, docs/storage.md).
"""

import os

from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.deconstruct import deconstructible

from share import conf

ALIAS = "private"


def _refuse_url(name):
    raise ValueError("Private files have no URL; use the moderation view.")


class PrivateFileSystemStorage(FileSystemStorage):
    """The local backend: SHARE_PRIVATE_ROOT, or MEDIA_ROOT's sibling "<media>-private"."""

    # Read on every use, so a test (or a deployment) can move it with settings.
    @property
    def base_location(self):
        return conf.private_root()

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        _refuse_url(name)


@deconstructible(path="share.storage.PrivateStorage")
class PrivateStorage(Storage):
    """What the model field holds: every call goes to `STORAGES["private"]`, looked up
    each time, so the backend is chosen by settings (and tests can swap it) without a
    migration. It never makes a URL, whatever the backend could do: a private file is
    read only through the moderation view (share/moderation.py), which checks who asks."""

    @property
    def backend(self):
        return storages[ALIAS]

    def open(self, name, mode="rb"):
        return self.backend.open(name, mode)

    def save(self, name, content, max_length=None):
        return self.backend.save(name, content, max_length=max_length)

    def generate_filename(self, filename):
        return self.backend.generate_filename(filename)

    def get_available_name(self, name, max_length=None):
        return self.backend.get_available_name(name, max_length=max_length)

    def delete(self, name):
        return self.backend.delete(name)

    def exists(self, name):
        return self.backend.exists(name)

    def listdir(self, path):
        return self.backend.listdir(path)

    def size(self, name):
        return self.backend.size(name)

    def path(self, name):
        # Local backends only; S3 has no path and says so (NotImplementedError).
        return self.backend.path(name)

    def get_modified_time(self, name):
        return self.backend.get_modified_time(name)

    def url(self, name):
        _refuse_url(name)


private_storage = PrivateStorage()
