"""deploy/nginx/portal.conf, rendered as docs/deploy.md says, run by Debian's nginx with
TLS in front of gunicorn (deploy/gunicorn.conf.py) serving the portal with production
settings: static and media files from disk, pages through the proxy, the upload limit,
the forwarded scheme and logs without personal data."""

import gzip
import http.client
import json
import re
import ssl
import time
from contextlib import closing

import pytest
import redis
from django.conf import settings

from tests.support.nginx import nginx, render_site, self_signed_certificate
from tests.support.servers import (
    environment,
    free_port,
    gunicorn,
    manage,
    throwaway_database_url,
)

# The welcome page Wagtail's migrations create, under the portal's own Site settings:
# docs/deploy.md has operators set the Site to the public host name on port 443.
CONTENT = """
from wagtail.models import Page, Site
Site.objects.update(hostname="localhost", port=443)
Page.objects.filter(depth=2).update(title="Deployment check")
"""
REDIS_URL = "redis://127.0.0.1:6379/12"
SECRET = "Zq7secretToken0Zq7"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4d10000000049454e44ae426082"
)


class Portal:
    """The running stack: where to connect and where its files and logs are."""

    def __init__(self, folder, http_port, https_port, cert, site_conf):
        self.folder = folder
        self.http_port = http_port
        self.https_port = https_port
        self.tls = ssl.create_default_context(cafile=str(cert))
        self.site_conf = site_conf

    def request(self, method, path, headers=None, body=None, tls=True):
        """One request as a browser on the internet makes it; redirects are not followed."""
        if tls:
            connection = http.client.HTTPSConnection(
                "localhost", self.https_port, context=self.tls, timeout=30
            )
        else:
            connection = http.client.HTTPConnection("localhost", self.http_port, timeout=30)
        with closing(connection):
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read()


@pytest.fixture(scope="session")
def portal(tmp_path_factory):
    folder = tmp_path_factory.mktemp("deploy")
    redis.Redis.from_url(REDIS_URL).flushdb()  # no page cached by an earlier run
    env = environment(
        throwaway_database_url(folder, "dp_nginx"),
        folder,
        SECURE_SSL_REDIRECT="true",
        ALLOWED_HOSTS="localhost,127.0.0.1",
        REDIS_URL=REDIS_URL,
        WAGTAILADMIN_BASE_URL="https://localhost",
    )
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input")
    manage(env, "shell", "-c", CONTENT)
    (folder / "media" / "images").mkdir(parents=True)
    (folder / "media" / "images" / "dot.png").write_bytes(PNG)
    (folder / "media" / "documents").mkdir()
    (folder / "media" / "documents" / "draft.txt").write_text("a team's unpublished draft")

    cert, key = self_signed_certificate(folder)
    http_port, https_port = free_port(), free_port()
    with gunicorn(env, workers=2, log_path=folder / "gunicorn.log") as base:
        site_conf = render_site(
            server_name="localhost",
            http_listen=f"127.0.0.1:{http_port}",
            https_listen=f"127.0.0.1:{https_port}",
            tls_certificate=cert,
            tls_certificate_key=key,
            static_root=folder / "static",
            media_root=folder / "media",
            upstream=base.removeprefix("http://"),
            log_dir=folder,
        )
        with nginx(site_conf, folder / "nginx", http_port):
            yield Portal(folder, http_port, https_port, cert, site_conf)


def hashed_static_name(portal, suffix):
    manifest = json.loads((portal.folder / "static" / "staticfiles.json").read_text())
    return next(
        (original, hashed)
        for original, hashed in sorted(manifest["paths"].items())
        if original.endswith(suffix)
    )


def test_a_page_is_served_through_the_proxy_over_https(portal):
    status, headers, body = portal.request("GET", "/en/")
    assert status == 200  # SECURE_SSL_REDIRECT is on: Django saw https, no redirect loop
    assert b"Deployment check" in body
    assert "Server" not in headers or "nginx/" not in headers["Server"]  # no version


def test_django_builds_https_urls_from_the_forwarded_scheme(portal):
    status, _, body = portal.request("GET", "/robots.txt")
    assert status == 200
    # Built from the request (build_absolute_uri), host and port included.
    assert f"Sitemap: https://localhost:{portal.https_port}/sitemap.xml".encode() in body
    _, _, page = portal.request("GET", "/en/")
    assert b'<link rel="canonical" href="https://localhost/en/">' in page
    crumbs = re.findall(rb'"item": "([^"]+)"', page)
    assert crumbs and all(url.startswith(b"https://") for url in crumbs)


def test_the_visitors_own_forwarded_scheme_is_overwritten(portal):
    # Over HTTPS a forged "http" would make Django redirect if nginx passed it on.
    status, _, _ = portal.request("GET", "/en/", headers={"X-Forwarded-Proto": "http"})
    assert status == 200
    # Over plain HTTP a forged "https" does not get the page: nginx redirects first.
    status, headers, _ = portal.request(
        "GET", "/en/?a=1", headers={"X-Forwarded-Proto": "https"}, tls=False
    )
    assert status == 301
    assert headers["Location"] == "https://localhost/en/?a=1"


def test_load_balancers_may_probe_health_over_plain_http(portal):
    status, headers, body = portal.request("GET", "/healthz", tls=False)
    assert (status, body) == (200, b"ok")  # from Django, not nginx's redirect
    assert "Location" not in headers


def test_other_host_names_never_reach_django(portal):
    with pytest.raises(http.client.RemoteDisconnected):
        portal.request("GET", "/en/", headers={"Host": "attacker.example"}, tls=False)
    with pytest.raises(http.client.RemoteDisconnected):
        portal.request("GET", "/en/", headers={"Host": "attacker.example"})


def test_hashed_static_files_are_cached_for_a_year_and_compressed(portal):
    original, hashed = hashed_static_name(portal, ".css")
    status, headers, body = portal.request("GET", f"/static/{hashed}")
    assert status == 200
    assert body == (portal.folder / "static" / hashed).read_bytes()
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Type"] == "text/css"

    status, headers, compressed = portal.request(
        "GET", f"/static/{hashed}", headers={"Accept-Encoding": "gzip"}
    )
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert gzip.decompress(compressed) == body

    # The name without its hash may change at the next upgrade: an hour only.
    status, headers, _ = portal.request("GET", f"/static/{original}")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=3600"


def test_pages_are_compressed_when_asked(portal):
    status, headers, body = portal.request("GET", "/en/", headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert b"Deployment check" in gzip.decompress(body)


def test_media_files_are_served_from_media_root_but_documents_only_by_django(portal):
    status, headers, body = portal.request("GET", "/media/images/dot.png")
    assert status == 200
    assert body == PNG
    assert headers["Content-Type"] == "image/png"
    assert headers["Cache-Control"] == "public, max-age=3600"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]

    # core/public_media.py decides which documents are public: never nginx from disk.
    status, _, body = portal.request("GET", "/media/documents/draft.txt")
    assert status == 404
    assert b"unpublished" not in body


def test_uploads_up_to_the_portals_limits_pass_and_larger_ones_get_413(portal):
    limit = int(re.search(r"client_max_body_size (\d+)m;", portal.site_conf)[1]) * 1024 * 1024
    largest = max(settings.MAX_DOCUMENT_UPLOAD_BYTES, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    assert largest < limit <= largest * 1.25  # room for the form around the largest file

    # Refused from the headers alone: nginx answers before the body is sent.
    status, _, body = portal.request("POST", "/en/", headers={"Content-Length": str(limit + 1)})
    assert status == 413
    assert b"Request Entity Too Large" in body

    # Above nginx's default of 1 MB, the request reaches Django (which refuses the POST
    # for its missing CSRF token).
    boundary = "portalboundary"
    form = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + b"%" * (2 * 1024 * 1024)
        + f"\r\n--{boundary}--\r\n".encode()
    )
    status, _, _ = portal.request(
        "POST",
        "/en/",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        body=form,
    )
    assert status == 403


def log_lines(path, marker, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = [line for line in path.read_text().splitlines() if marker in line]
        if lines:
            return lines
        time.sleep(0.05)
    raise AssertionError(f"no line with {marker!r} in {path.name}")


def test_logs_keep_no_address_query_or_secret_link(portal):
    path = f"/en/share/withdraw/{SECRET}/"
    portal.request("GET", path + "?q=my+own+words", headers={"User-Agent": "Private-Agent/1"})
    # Both servers write the line once the response is sent, so it may come a moment later.
    nginx_lines = log_lines(portal.folder / "portal.access.log", "/share/withdraw/")
    gunicorn_lines = log_lines(portal.folder / "gunicorn.log", '"GET /en/share/withdraw/')
    for line in nginx_lines + gunicorn_lines:
        assert "/en/share/withdraw/-/" in line
        for private in (SECRET, "own+words", "127.0.0.1", "Private-Agent"):
            assert private not in line
    # nginx's request id ties its line to gunicorn's.
    request_id = nginx_lines[-1].split()[1]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    assert any(request_id in line for line in gunicorn_lines)
