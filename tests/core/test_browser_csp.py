"""Every public page type, in English and Arabic, in Chromium with the real
Content-Security-Policy enforced: no violation, no console error. And the admin's preview
panel shows a page under the public policy (docs/security.md)."""

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from tests.support import countries as build
from tests.support.resources import make_resource

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIDEO_URL = "https://www.youtube.com/watch?v=csp-sample"
# What YouTube's oEmbed answers, as Wagtail stores it (no network in the tests).
YOUTUBE_PLAYER = (
    '<iframe width="640" height="360" src="https://www.youtube.com/embed/csp-sample?feature=oembed"'
    ' frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media;'
    ' gyroscope; picture-in-picture; web-share" allowfullscreen></iframe>'
)

# Runs in every frame before the page's own scripts; CSP does not apply to it.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({
    directive: event.violatedDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: event.sourceFile + ":" + event.lineNumber,
  });
});
"""


@pytest.fixture
def watched(page):
    """The page, collecting CSP violations and console errors; the YouTube player is a
    stand-in served by the test."""
    page.add_init_script(COLLECT_VIOLATIONS)
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.route(
        "https://www.youtube.com/**",
        lambda route: route.fulfill(
            content_type="text/html", body="<!DOCTYPE html><title>player</title>"
        ),
    )
    return page


def violations(page):
    found = []
    for frame in page.frames:
        found += frame.evaluate("window.__cspViolations || []")
    return found


@pytest.fixture
def public_pages(live_portal_site, live_library):
    kenya = build.country(build.country_index(live_portal_site), "Kenya", "KE")
    story = build.story(kenya, "Peer support in Nairobi")
    build.story_index(live_portal_site)
    build.translate(kenya, "ar", title="كينيا", summary="ملخص تجريبي.")
    make_resource(live_library, "Recovery guide", topics=("recovery",))
    Embed.objects.create(
        url=VIDEO_URL,
        max_width=640,
        hash=get_embed_hash(VIDEO_URL, 640),
        type="video",
        html=YOUTUBE_PLAYER,
    )
    make_resource(live_library, "Online video", kind="video", files=(), video_url=VIDEO_URL)
    live_library.save_revision().publish()
    return [
        "/{lang}/",
        "/{lang}/countries/",
        "/{lang}/countries/kenya/",
        "/{lang}/stories/",
        f"/{{lang}}/countries/kenya/{story.slug}/",
        "/{lang}/resources/",
        "/{lang}/resources/?type=guidance&language=en",
        "/{lang}/resources/online-video/",
        "/{lang}/search/?q=recovery",
        "/{lang}/share/",
        "/{lang}/alerts/",
        "/{lang}/no-such-page/",
    ]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_public_pages_run_under_the_policy_without_violations(
    watched, live_server, public_pages, private_files, lang
):
    problems = {}
    for pattern in public_pages:
        url = live_server.url + pattern.format(lang=lang)
        watched.console_errors.clear()
        response = watched.goto(url)
        watched.wait_for_load_state("load")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        errors = [
            text
            for text in watched.console_errors
            # The 404 page's own status is reported as a failed load; nothing else may be.
            if not ("no-such-page" in url and "status of 404" in text)
        ]
        found = violations(watched) + errors
        if found:
            problems[url] = found
    assert not problems, problems


def test_the_video_player_frame_is_allowed(watched, live_server, public_pages, private_files):
    watched.goto(f"{live_server.url}/en/resources/online-video/")
    player = watched.frame_locator(".video__embed iframe")
    assert player.locator("title").text_content() == "player"
    assert not violations(watched)


def test_inline_code_would_be_reported(watched, live_server, live_portal_site):
    """The collector is not blind: inline code added to a public page is refused and
    reported, as a third-party frame is."""
    watched.goto(f"{live_server.url}/en/")
    watched.evaluate(
        """() => {
          const style = document.createElement("style");
          style.textContent = "body { color: red }";
          document.head.append(style);
          const script = document.createElement("script");
          script.textContent = "window.ran = true";
          document.body.append(script);
          const frame = document.createElement("iframe");
          frame.src = "https://elsewhere.example.org/";
          document.body.append(frame);
        }"""
    )
    watched.wait_for_function("window.__cspViolations.length >= 3")
    directives = {v["directive"] for v in violations(watched)}
    assert directives == {"style-src-elem", "script-src-elem", "frame-src"}
    assert watched.evaluate("window.ran") is None


def test_the_admin_preview_panel_shows_the_page_under_the_public_policy(
    watched, live_server, live_portal_site, django_user_model, client
):
    kenya = build.country(build.country_index(live_portal_site), "Kenya", "KE")
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    watched.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    watched.goto(f"{live_server.url}/admin/pages/{kenya.pk}/edit/")
    watched.locator('[data-side-panel-toggle="preview"]').click()
    preview = watched.frame_locator("iframe[id$=preview-iframe], .preview-panel iframe").first
    assert preview.locator("h1").inner_text(timeout=15_000) == "Kenya"
    frame = next(f for f in watched.frames if "/preview/" in f.url)
    policy = frame.evaluate(
        "fetch(location.href).then(r => r.headers.get('content-security-policy'))"
    )
    assert "frame-ancestors 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert not violations(watched)
    refused = [text for text in watched.console_errors if "Content Security Policy" in text]
    assert not refused
