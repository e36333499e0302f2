"""Content-Security-Policy and Permissions-Policy: the public site's strict policy on every
public page and the API, the admin's own looser one, previews framed by the admin with the
public policy, and production's additions (docs/security.md)."""

import json
import os
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from tests.support import countries as build
from tests.support.resources import make_resource
from tests.support.settings import REALISTIC, ROOT

VIDEO_FRAMES = {
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
}


def directives(header):
    """`{"script-src": ["'self'"], ...}` from a Content-Security-Policy header."""
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_public_policy(response, frame_ancestors="'none'"):
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    for directive in ("script-src", "style-src", "font-src", "connect-src"):
        assert policy[directive] == ["'self'"], directive
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == [frame_ancestors]
    # The video players' frames are the only other origins, and only as frames.
    assert set(policy["frame-src"]) == VIDEO_FRAMES
    others = {
        source
        for name, sources in policy.items()
        if name != "frame-src"
        for source in sources
        if "://" in source
    }
    assert not others
    header = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in header
    assert "'unsafe-eval'" not in header
    assert "upgrade-insecure-requests" not in policy  # production only


class InlineCode(HTMLParser):
    """Inline scripts, style elements, style attributes and event handlers in a page."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "style":
            self.found.append("<style>")
        if tag == "script" and "src" not in attrs:
            self._script = attrs.get("type", "")
        for name in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
        if any((value or "").strip().lower().startswith("javascript:") for value in attrs.values()):
            self.found.append(f"<{tag} ...javascript:>")

    def handle_data(self, data):
        # A JSON-LD block is data, never run; any other inline script is code.
        if self._script is not None and self._script != "application/ld+json" and data.strip():
            self.found.append(f"<script type={self._script!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser.found


@pytest.fixture
def public_pages(portal_site, library):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    story = build.story(kenya, "Peer support in Nairobi")
    build.story_index(portal_site)
    resource = make_resource(library, "Recovery guide", files=("en",))
    library.save_revision().publish()
    return [
        "/{lang}/",
        "/{lang}/countries/",
        "/{lang}/countries/kenya/",
        f"/{{lang}}/countries/kenya/{story.slug}/",
        "/{lang}/stories/",
        "/{lang}/resources/",
        "/{lang}/resources/?type=guidance&language=en",
        f"/{{lang}}/resources/{resource.slug}/",
        "/{lang}/search/?q=recovery",
        "/{lang}/share/",
        "/{lang}/alerts/",
        "/{lang}/no-such-page/",
    ]


def test_every_public_page_has_the_strict_policy_and_no_inline_code(
    client, public_pages, private_files
):
    for lang in ("en", "ar"):
        for pattern in public_pages:
            url = pattern.format(lang=lang)
            response = client.get(url)
            assert response.status_code in (200, 404), url
            assert_public_policy(response)
            assert "camera=()" in response["Permissions-Policy"], url
            assert not inline_code(response.content.decode()), url


def test_the_api_and_the_machine_readable_files_have_the_headers(client, portal_site):
    for url in ("/api/v2/pages/", "/api/v2/pages/999999/", "/robots.txt", "/sitemap.xml"):
        response = client.get(url)
        assert_public_policy(response)
        assert response["Permissions-Policy"], url


def test_the_admin_has_its_own_policy(client, admin_client, portal_site):
    for response in (client.get("/admin/login/"), admin_client.get("/admin/")):
        assert response.status_code == 200
        policy = directives(response["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"]
        # Wagtail's admin runs inline scripts and styles; nothing else is loosened.
        assert "'unsafe-inline'" in policy["script-src"]
        assert "'unsafe-inline'" in policy["style-src"]
        assert "'unsafe-eval'" not in policy["script-src"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert "camera=()" in response["Permissions-Policy"]
    public = client.get("/en/")["Content-Security-Policy"]
    assert response["Content-Security-Policy"] != public


def test_the_2fa_and_password_reset_pages_have_the_admin_policy(client, portal_site):
    for url in ("/admin/password_reset/", "/admin/2fa/auth"):
        response = client.get(url)
        assert "'unsafe-inline'" in directives(response["Content-Security-Policy"])["script-src"]


def test_a_preview_keeps_the_public_policy_and_may_be_framed_by_the_admin(
    admin_client, portal_site
):
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    # As the editor's preview panel does: send the form, then load the preview in a frame.
    preview = f"/admin/pages/{kenya.pk}/edit/preview/"
    sent = admin_client.post(preview, build.edit_form(kenya, title="Kenya (draft)"))
    assert sent.json()["is_valid"]
    response = admin_client.get(preview, {"in_preview_panel": "true"})
    assert response.status_code == 200
    assert "Kenya (draft)" in response.content.decode()
    assert_public_policy(response, frame_ancestors="'self'")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert not inline_code(response.content.decode())


def test_the_permissions_policy_denies_features_the_portal_never_uses(client, portal_site):
    header = client.get("/en/")["Permissions-Policy"]
    features = dict(item.strip().split("=", 1) for item in header.split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"
    # The video players use these; denying them would break the embedded players.
    for feature in ("fullscreen", "autoplay", "encrypted-media", "picture-in-picture"):
        assert feature not in features


SHOW_POLICIES = (
    "import json; from portal.settings import production as settings;"
    "print(json.dumps([settings.CONTENT_SECURITY_POLICY['DIRECTIVES'],"
    " settings.PORTAL_ADMIN_CONTENT_SECURITY_POLICY['DIRECTIVES']]))"
)


def production_policies(**env):
    """The production settings module's policies, read without starting Django (the S3
    storage's package is not installed for the tests)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "DJANGO_"))}
    result = subprocess.run(
        [sys.executable, "-c", SHOW_POLICIES],
        cwd=ROOT,
        env={**clean, **REALISTIC, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_upgrades_insecure_requests_and_allows_the_media_cdn():
    public, admin = production_policies()
    assert public["upgrade-insecure-requests"] is True
    assert admin["upgrade-insecure-requests"] is True
    assert public["img-src"] == ["'self'", "data:"]

    public, admin = production_policies(
        AWS_STORAGE_BUCKET_NAME="portal-media", AWS_S3_CUSTOM_DOMAIN="media.example.org"
    )
    assert public["img-src"] == ["'self'", "data:", "https://media.example.org"]
    assert "https://media.example.org" in admin["img-src"]
    assert public["script-src"] == ["'self'"]

    public, _ = production_policies(
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net:9000",
    )
    assert public["img-src"] == ["'self'", "data:", "https://s3.example.net:9000"]
