"""Every public page type, in English and Arabic, is valid HTML for the Nu Html Checker
(the `vnu-jar` npm package, run with Java; `make test` installs it under .venv/vnu).
Without Java or the checker this is skipped with the reason, except under CI."""

import datetime
import json
import os
import shutil
import subprocess

import pytest

from tests.support import countries as build
from tests.support import targets
from tests.support.events import events_index, make_event
from tests.support.resources import make_resource
from tests.support.settings import ROOT

VNU_JAR = os.environ.get(
    "VNU_JAR",
    str(ROOT / ".venv" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"),
)


def checker():
    java = shutil.which("java")
    missing = [
        name for name, found in (("java", java), (VNU_JAR, os.path.exists(VNU_JAR))) if not found
    ]
    if missing:
        reason = f"Nu Html Checker not available (missing: {', '.join(missing)})"
        if os.environ.get("CI"):
            pytest.fail(reason + ": CI needs it")
        pytest.skip(reason)
    return [java, "-Xss4m", "-jar", VNU_JAR]


@pytest.fixture
def pages(portal_site, library):
    """One page of every public type, the listings with filters shown."""
    kenya = build.country(build.country_index(portal_site), "Kenya", "KE")
    kind = targets.enrolled()
    build.add_values(
        kenya, kind, [(datetime.date(2023, 6, 30), 900), (datetime.date(2024, 6, 30), 2400)]
    )
    targets.target(kind, 5_000_000, deadline=datetime.date(2024, 12, 31))
    story = build.story(kenya, "Peer support in Nairobi")
    build.story_index(portal_site)
    resource = make_resource(library, "Recovery guide", files=("en", "fr"))
    library.save_revision().publish()
    event = make_event(events_index(portal_site), "Signed webinar", interpretation=("fr", "ils"))
    return [
        "/{lang}/",
        "/{lang}/countries/",
        "/{lang}/countries/kenya/",
        f"/{{lang}}/countries/kenya/{story.slug}/",
        "/{lang}/stories/",
        "/{lang}/stories/?topic=nothing-like-this",
        "/{lang}/resources/",
        "/{lang}/resources/?type=guidance&language=en",
        f"/{{lang}}/resources/{resource.slug}/",
        "/{lang}/events/",
        "/{lang}/events/?format=online&month=13",
        f"/{{lang}}/events/{event.slug}/",
        "/{lang}/search/",
        "/{lang}/search/?q=recovery",
        "/{lang}/search/?q=zzzznothing",
        "/{lang}/share/",
        "/{lang}/share/thanks/",
        "/{lang}/share/thanks/?already=1",
        "/{lang}/progress/",
        "/{lang}/progress/?sort=-region&map=nope",
        "/{lang}/alerts/",
        "/{lang}/alerts/sent/",
        "/{lang}/no-such-page/",
    ]


def test_every_public_page_type_is_valid_html_in_english_and_arabic(
    client, pages, tmp_path, private_files
):
    command = checker()
    files = {}
    for lang in ("en", "ar"):
        for pattern in pages:
            url = pattern.format(lang=lang)
            response = client.get(url, follow=True)
            assert response.status_code in (200, 404), url
            path = tmp_path / f"page{len(files)}.html"
            path.write_bytes(response.content)
            files[str(path)] = url
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))} "
        f"line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors)
