"""Private file storage for sharers' images: no public URL, read by the admin view only."""

import os

from django.core.files.storage import FileSystemStorage

from share import conf


class PrivateStorage(FileSystemStorage):
    # Read on every use, so a test (or a deployment) can move it with settings.
    @property
    def base_location(self):
        return conf.private_root()

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL; use the moderation view.")


private_storage = PrivateStorage()
