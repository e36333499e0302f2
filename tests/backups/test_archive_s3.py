"""The media archive reads and restores both stores when they are S3 buckets (moto's
server, the production settings' STORAGES): every public and private object comes back
under its own name, byte for byte, and private ones into the private bucket."""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import storages

from backups import archive
from tests.support.s3 import (
    PRIVATE_BUCKET,
    PUBLIC_BUCKET,
    client,
)


def objects(endpoint, bucket, prefix):
    s3 = client(endpoint)
    listed = s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
    return {o["Key"]: s3.get_object(Bucket=bucket, Key=o["Key"])["Body"].read() for o in listed}


def test_both_buckets_are_archived_and_restored(s3_storages):
    # A prefix of this test's own: the session's buckets are shared with other tests.
    files = {
        ("default", "archive-test/images/a.png"): b"public image",
        ("default", "archive-test/documents/report.pdf"): b"%PDF-1.7 sample",
        ("private", "archive-test/share/2026/11/photo.jpg"): b"a sharer's photo",
    }
    for (alias, name), content in files.items():
        assert storages[alias].save(name, ContentFile(content)) == name
    before = {
        bucket: objects(s3_storages, bucket, "archive-test/")
        for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET)
    }
    assert len(before[PUBLIC_BUCKET]) == 2 and len(before[PRIVATE_BUCKET]) == 1

    saved = io.BytesIO()
    assert archive.write(saved) >= 3
    for alias, name in files:
        storages[alias].delete(name)
    assert not objects(s3_storages, PRIVATE_BUCKET, "archive-test/")

    saved.seek(0)
    archive.restore(saved)
    for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
        assert objects(s3_storages, bucket, "archive-test/") == before[bucket]
