"""The portal's icons: at the site's root, where browsers look for them, and linked from
every page (core/icons.py)."""

import re

import pytest
from django.templatetags.static import static
from PIL import Image

from core.icons import FOLDER, ROOT_ICON_MAX_AGE

ICONS = [
    ("favicon.ico", "image/x-icon"),
    ("favicon.svg", "image/svg+xml"),
    ("apple-touch-icon.png", "image/png"),
]


@pytest.mark.parametrize("name, content_type", ICONS)
def test_icons_answer_at_the_root_with_a_week_of_caching(client, name, content_type):
    response = client.get(f"/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Cache-Control"] == f"public, max-age={ROOT_ICON_MAX_AGE}"
    assert b"".join(response.streaming_content) == (FOLDER / name).read_bytes()
    again = client.get(f"/{name}", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_icons_are_small_and_the_ico_has_the_usual_sizes():
    assert all((FOLDER / name).stat().st_size < 10_000 for name, _ in ICONS)
    with Image.open(FOLDER / "favicon.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48)} <= ico.info["sizes"]
    with Image.open(FOLDER / "apple-touch-icon.png") as touch:
        # iOS rounds the corners itself and shows transparency as black.
        assert touch.size == (180, 180) and touch.mode == "RGB"


@pytest.mark.parametrize("code", ["en", "ar"])
def test_every_page_links_its_icons(client, portal_site, code):
    head = client.get(f"/{code}/").content.decode().split("</head>")[0]
    links = dict(re.findall(r'<link rel="(icon|apple-touch-icon)" href="([^"]+)"', head))
    assert links["apple-touch-icon"] == static("core/icons/apple-touch-icon.png")
    icons = re.findall(r'<link rel="icon" href="([^"]+)"', head)
    assert icons == [static("core/icons/favicon.ico"), static("core/icons/favicon.svg")]
