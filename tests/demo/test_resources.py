"""load_demo's library content: idempotent, multilingual, generated files; home hooks."""

import io

from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from demo.resource_content import RESOURCES
from resources.lists import latest_resources
from resources.models import ResourceFile, ResourceLanguage, ResourcePage
from tests.support.resources import make_resource


def counts():
    return (
        ResourcePage.objects.count(),
        ResourceFile.objects.count(),
        ResourceLanguage.objects.count(),
        get_document_model().objects.count(),
        get_image_model().objects.count(),
    )


def test_load_demo_twice_duplicates_nothing(portal_site):
    out = io.StringIO()
    call_command("load_demo", "--allow-production", "--resources", "5", stdout=out)
    first = counts()
    call_command("load_demo", "--allow-production", "--resources", "5", stdout=out)
    assert counts() == first
    english = ResourcePage.objects.filter(locale__language_code="en")
    assert english.count() == len(RESOURCES) + 5
    assert "Sample" in english.get(slug="guidance-peer-support-groups").description

    toolkit = english.get(slug="qualityrights-assessment-toolkit")
    assert toolkit.language_codes() == ["cs", "en", "es", "fr", "ru"]
    assert all(f.file_format == "PDF" and f.page_count >= 2 for f in toolkit.files.all())
    video = english.get(slug="video-what-qualityrights-means")
    assert video.has_captions and video.has_transcript
    assert sorted(t.language for t in video.captions.all()) == ["ar", "en", "fr"]
    poster = english.get(slug="poster-recovery-is-personal")
    assert {f.file_format for f in poster.files.all()} == {"PNG"}
    tool = english.get(slug="self-help-tool-recovery-planning")
    assert {p.locale.language_code for p in tool.get_translations()} == {"ar", "fr"}


def test_home_figure_and_latest_resources(client, library):
    make_resource(library, "Older guide", year=2019)
    make_resource(library, "Newer guide", year=2024)
    response = client.get("/en/")
    figures = {str(f["label"]): f["value"] for f in response.context["key_figures"]}
    assert figures["resources in the library"] == 2
    latest = latest_resources(limit=1)
    assert [(r.title, r.type_label, r.library_url) for r in latest] == [
        ("Newer guide", "Guidance", "/en/resources/newer-guide/")
    ]
