"""The resource page: downloads per language, video, citation, JSON-LD, counting."""

import json
import re

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from django.utils.translation import gettext, ngettext
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from demo.sample_files import webvtt
from resources.models import CaptionTrack, DownloadCount, RelatedResource, ResourceFile
from tests.support.resources import make_resource, pdf_document


def json_ld(body):
    """The resource's own schema.org item (the page's JSON-LD also has breadcrumbs)."""
    items = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', body).group(1)
    )
    return next(i for i in items if i["@type"] in ("CreativeWork", "VideoObject", "Book"))


@pytest.fixture
def toolkit(library):
    other = make_resource(library, "Peer groups", topics=["peer-support"])
    page = make_resource(
        library,
        "Assessment toolkit",
        kind="toolkit",
        files=("en", "fr", "ar"),
        isbn="978-0-00-000000-0",
        has_accessible_pdf=True,
        summary="Check whether services respect rights </script>.",
    )
    page.related_resources = [RelatedResource(resource=other)]
    page.save_revision().publish()
    return page


def test_downloads_per_language_with_format_size_and_pages(client, toolkit):
    body = client.get("/fr/resources/assessment-toolkit/").content.decode()
    french = toolkit.files.get(language="fr")
    # The visitor's language comes first; the page is served under /fr/ (fallback).
    first = re.search(r'<li id="file-(\w+)">', body).group(1)
    assert first == "fr"
    assert f'href="/fr/resources/assessment-toolkit/download/{french.pk}/"' in body
    with translation.override("fr"):
        download = gettext("Download the %(language)s %(format)s (%(size)s)") % {
            "language": "Français",
            "format": "PDF",
            "size": "SIZE",
        }
        pages = ngettext("%(counter)s page", "%(counter)s pages", 2) % {"counter": 2}
    assert download != "Download the Français PDF (SIZE)"  # the French interface is used
    assert re.search(re.escape(download).replace("SIZE", r"[\d,\s]+\sKio"), body)
    assert f'<span class="downloads__pages">{pages}</span>' in body
    also = body[body.index('class="also-available"') :]
    assert "العربية" in also[:400] and "English" in also[:400]


def test_missing_visitor_language_is_said_plainly(client, toolkit):
    body = client.get("/es/resources/assessment-toolkit/").content.decode()
    with translation.override("es"):
        message = gettext("This resource is not available in %(language)s yet.")
    assert message % {"language": "Español"} in body


def test_citation_related_and_accessibility(client, toolkit):
    body = client.get("/en/resources/assessment-toolkit/").content.decode()
    assert "World Health Organization. <cite>Assessment toolkit</cite>. 2020. ISBN 978" in body
    assert 'href="/en/resources/peer-groups/"' in body
    assert "Accessible (tagged) PDF" in body


def test_json_ld_describes_the_resource_safely(client, toolkit):
    body = client.get("/en/resources/assessment-toolkit/").content.decode()
    data = json_ld(body)
    assert data["@type"] == "Book"  # it has an ISBN
    assert data["isbn"] == "978-0-00-000000-0"
    assert sorted(data["inLanguage"]) == ["ar", "en", "fr"]
    assert data["accessibilityFeature"] == ["taggedPDF"]
    assert {e["inLanguage"] for e in data["encoding"]} == {"ar", "en", "fr"}
    assert data["encoding"][0]["contentUrl"].startswith("http://testserver/en/resources/")
    assert data["description"] == "Check whether services respect rights </script>."
    assert body.count("</script>") == body.count("<script")  # the summary cannot close it


def test_download_is_counted_without_personal_data_and_redirects(client, toolkit):
    french = toolkit.files.get(language="fr")
    for _ in range(2):
        response = client.get(f"/fr/resources/assessment-toolkit/download/{french.pk}/")
        assert response.status_code == 302
        assert response["Location"] == french.document.url
    count = DownloadCount.objects.get(file=french)
    assert count.count == 2
    assert [f.name for f in DownloadCount._meta.concrete_fields] == ["id", "file", "page", "count"]


def test_editors_see_download_counts_and_library_sorts_by_them(
    client, admin_client, toolkit, library
):
    english = toolkit.files.get(language="en")
    client.get(f"/en/resources/assessment-toolkit/download/{english.pk}/")
    body = admin_client.get(f"/admin/pages/{toolkit.pk}/edit/").content.decode()
    assert "Downloads per file" in body
    assert re.search(r"<td>Assessment toolkit en</td><td>English</td><td>1</td>", body)
    toolkit.save_revision().publish()  # publishing must not reset the count
    assert DownloadCount.objects.get(file=english).count == 1
    response = client.get("/en/resources/?sort=downloads")
    assert [r.title for r in response.context["results"]][0] == "Assessment toolkit"


def test_video_has_caption_tracks_and_transcript(client, library):
    Document = get_document_model()
    captions, video = [], Document(title="Clip")
    video.file.save("clip.mp4", ContentFile(b"not really a video"), save=False)
    video.save()
    for code in ("en", "ar"):
        track = Document(title=f"Captions {code}")
        track.file.save(f"clip-{code}.vtt", ContentFile(webvtt([(0, 2, "Hello")])), save=False)
        track.save()
        captions.append(CaptionTrack(document=track, language=code))
    page = make_resource(
        library, "A video", kind="video", files=(), video_file=video, transcript="Hello."
    )
    page.captions = captions
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.has_captions and page.has_transcript

    body = client.get("/ar/resources/a-video/").content.decode()
    assert re.search(r'<track kind="captions" src="[^"]+clip-ar[^"]*\.vtt" srclang="ar"', body)
    assert re.search(r'srclang="ar" label="العربية" default>', body)
    assert "<p>Hello.</p>" in body
    assert json_ld(body)["@type"] == "VideoObject"


def test_preview_with_a_file_not_yet_saved(library):
    page = make_resource(library, "Draft toolkit", files=("en",))
    new = ResourceFile(document=pdf_document("New es"), language="es")
    new.clean()  # as the inline form does
    page.files.add(new)
    response = page.make_preview_request()
    assert response.status_code == 200
    assert "Download the Spanish PDF" in response.content.decode()


def test_an_online_video_is_embedded_with_a_frame_title(client, library):
    url = "https://www.youtube.com/watch?v=sample"
    Embed.objects.create(
        url=url,
        max_width=640,
        hash=get_embed_hash(url, 640),
        type="video",
        html='<iframe src="https://www.youtube.com/embed/sample"></iframe>',
    )
    make_resource(library, "Online video", kind="video", files=(), video_url=url)
    body = client.get("/en/resources/online-video/").content.decode()
    assert '<iframe title="Online video" src="https://www.youtube.com/embed/sample">' in body
    assert f'<a href="{url}">' in body


def test_terms_are_named_in_the_visitors_language_with_its_list_separator(client, library):
    from wagtail.models import Locale

    from core.taxonomy import Topic

    page = make_resource(library, "Recovery guide", topics=["peer-support", "recovery"])
    arabic = Locale.objects.get(language_code="ar")
    for slug, name in (("peer-support", "دعم الأقران"), ("recovery", "التعافي")):
        translated = Topic.objects.get(locale__language_code="en", slug=slug).copy_for_translation(
            arabic
        )
        translated.name = name
        translated.save()
    body = client.get("/ar/resources/recovery-guide/").content.decode()
    assert "<dd>دعم الأقران، التعافي</dd>" in body or "<dd>التعافي، دعم الأقران</dd>" in body
    assert page.live
    english = client.get("/en/resources/recovery-guide/").content.decode()
    assert re.search(r"<dd>(Peer support, Recovery|Recovery, Peer support)</dd>", english)
