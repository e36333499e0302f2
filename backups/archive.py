"""One tar archive holding every stored file: the public media (`STORAGES["default"]`:
images, renditions, documents) under `public/`, and sharers' private images
(`STORAGES["private"]`, share/storage.py) under `private/`.

django-dbbackup's own `mediabackup` covers the default storage only, so the archive is
built here, through the storage API: the same code reads local folders and S3 buckets.
"""

import posixpath
import tarfile

from django.core.files import File
from django.core.files.storage import storages

from share.storage import ALIAS as PRIVATE_ALIAS

# Archive folder: storage alias. The folder names are part of the archive format.
STORES = {"public": "default", "private": PRIVATE_ALIAS}


class ArchiveError(Exception):
    pass


def stored_names(storage, path=""):
    """Every file name in `storage`, walking its folders."""
    try:
        folders, files = storage.listdir(path)
    except FileNotFoundError:
        if path:
            raise
        return  # a local store nothing was saved in yet: its folder does not exist
    for name in sorted(files):
        yield posixpath.join(path, name)
    for folder in sorted(folders):
        yield from stored_names(storage, posixpath.join(path, folder))


def write(fileobj):
    """Write the gzipped archive of every store into `fileobj`; return the file count."""
    count = 0
    with tarfile.open(fileobj=fileobj, mode="w:gz") as tar:
        for folder, alias in STORES.items():
            storage = storages[alias]
            for name in stored_names(storage):
                member = tarfile.TarInfo(f"{folder}/{name}")
                member.size = storage.size(name)
                member.mode = 0o600
                with storage.open(name, "rb") as content:
                    tar.addfile(member, content)
                count += 1
    return count


def _destination(member_name):
    """(storage alias, name in that storage) for an archive member; refuses names that
    would land outside the stores (absolute paths, "..")."""
    folder, _, name = member_name.partition("/")
    parts = name.split("/")
    if folder not in STORES or not name or name.startswith("/") or ".." in parts:
        raise ArchiveError(f"Unexpected file in the media archive: {member_name!r}")
    return STORES[folder], name


def restore(fileobj):
    """Put every file of the archive back under its own name, replacing a file of that
    name; files the archive does not hold are left alone. Returns the file count."""
    count = 0
    with tarfile.open(fileobj=fileobj, mode="r:gz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            alias, name = _destination(member.name)
            storage = storages[alias]
            if storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, File(tar.extractfile(member), name=name))
            if saved != name:
                raise ArchiveError(f"{name!r} was stored as {saved!r}")
            count += 1
    return count
