"""Browser tests: Playwright driving Debian's Chromium, and the axe-core engine.

Playwright cannot download its own browser here, so tests launch /usr/bin/chromium
(`apt-get install chromium`, done by .ci/run). Without it the browser tests are skipped
with that reason locally, and fail in CI (CI=true) so a missing browser is never silent.
"""

import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images" / "editors"


def _axe_source():
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page):
    """Run axe-core on the page as it is now; return the violations of AXE_TAGS."""
    page.evaluate(_axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return result["violations"]


def assert_no_axe_violations(page):
    violations = axe_violations(page)
    summary = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in violations
    ]
    assert not violations, f"axe-core on {page.url}:\n{json.dumps(summary, indent=2)}"


def save_screenshot(page, name):
    """The whole page into test-artifacts/. With DOCS_SCREENSHOTS=1 (`make screenshots`)
    also what the window shows, for the editors' guide: docs/images/editors/<name>.png,
    reduced to 256 colours so the repository stays small."""
    if os.environ.get("DOCS_SCREENSHOTS") == "1":
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        shown = Image.open(io.BytesIO(page.screenshot(animations="disabled")))
        shown.convert("RGB").quantize(256, dither=Image.Dither.NONE).save(
            DOCS_IMAGES / f"{name}.png", optimize=True
        )
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    return path


def tab_to(page, selector, limit=60):
    """Press Tab until `selector` has focus, as a keyboard user would."""
    target = page.locator(selector)
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")
