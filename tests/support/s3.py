"""An S3-compatible server for the storage tests: moto's server mode on 127.0.0.1, in a
child process started once per test session, with the two buckets a production portal
has (docs/storage.md): public media, readable by anyone through a bucket policy, and the
sharers' private images, with public access blocked.

`production_storages(endpoint)` reads STORAGES from the production settings module itself
(in a child process, with the bucket variables set), so the tests use exactly what a
deployment gets.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from tests.support.servers import free_port, stop, wait_for
from tests.support.settings import REALISTIC, ROOT

PUBLIC_BUCKET = "portal-media"
PRIVATE_BUCKET = "portal-private"
REGION = "us-east-1"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}

PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "PublicReadMedia",
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{PUBLIC_BUCKET}/*",
        }
    ],
}
BLOCK_PUBLIC = {
    "BlockPublicAcls": True,
    "IgnorePublicAcls": True,
    "BlockPublicPolicy": True,
    "RestrictPublicBuckets": True,
}


def client(endpoint):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


@pytest.fixture(scope="session")
def s3_endpoint():
    """The moto server's URL, with both buckets made as docs/storage.md says."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        env={**os.environ, **CREDENTIALS},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_for(endpoint + "/", timeout=30, process=process)
        s3 = client(endpoint)
        s3.create_bucket(Bucket=PUBLIC_BUCKET)
        s3.put_bucket_policy(Bucket=PUBLIC_BUCKET, Policy=json.dumps(PUBLIC_READ))
        s3.create_bucket(Bucket=PRIVATE_BUCKET)
        s3.put_public_access_block(
            Bucket=PRIVATE_BUCKET, PublicAccessBlockConfiguration=BLOCK_PUBLIC
        )
        yield endpoint
    finally:
        stop(process)


def production_storages(endpoint):
    """STORAGES as portal/settings/production.py builds it for these buckets."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(REALISTIC)
    env.update(
        AWS_STORAGE_BUCKET_NAME=PUBLIC_BUCKET,
        SHARE_PRIVATE_BUCKET_NAME=PRIVATE_BUCKET,
        AWS_S3_ENDPOINT_URL=endpoint,
        AWS_S3_REGION_NAME=REGION,
    )
    code = "import json; from portal.settings import production as s; print(json.dumps(s.STORAGES))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(result.stderr)
    return json.loads(result.stdout)


@pytest.fixture
def s3_storages(settings, monkeypatch, s3_endpoint):
    """The production settings' STORAGES (public media bucket, private bucket) on the
    session's moto server, with the test settings' static files storage (no manifest)."""
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    found = production_storages(s3_endpoint)
    assert found["default"]["OPTIONS"]["bucket_name"] == PUBLIC_BUCKET
    assert found["private"]["OPTIONS"]["bucket_name"] == PRIVATE_BUCKET
    found["staticfiles"] = django_settings.STORAGES["staticfiles"]
    settings.STORAGES = found
    return s3_endpoint
