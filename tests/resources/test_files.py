"""Language versions: file details filled from the document, languages derived."""

import logging

from resources.models import ResourceFile, ResourceLanguage
from tests.support.resources import make_resource, pdf_document


def languages(page):
    return sorted(ResourceLanguage.objects.filter(page=page).values_list("language", flat=True))


def test_format_size_and_page_count_come_from_the_file(library):
    page = make_resource(library, "Guidance on peer support", files=("en", "fr"))
    file = page.files.get(language="fr")
    assert file.file_format == "PDF"
    assert file.file_size == file.document.get_file_size() > 0
    assert file.page_count == 2


def test_a_damaged_pdf_is_saved_without_page_count(library, caplog):
    page = make_resource(library, "Toolkit", files=())
    broken = pdf_document("Broken file", content=b"%PDF-1.4 this is not a real PDF")
    with caplog.at_level(logging.WARNING, logger="resources.models.files"):
        file = ResourceFile.objects.create(page=page, document=broken, language="en")
    assert file.page_count is None
    assert file.file_format == "PDF"
    assert "Could not count pages" in caplog.text


def test_languages_are_derived_from_files_and_links(library):
    page = make_resource(library, "Assessment toolkit", files=("en", "fr"), links=("ar", "fr"))
    assert languages(page) == ["ar", "en", "fr"]


def test_publishing_without_a_file_drops_its_language(library):
    page = make_resource(library, "Assessment toolkit", files=("en", "fr"))
    page.files = [f for f in page.files.all() if f.language == "en"]
    page.save_revision().publish()
    assert languages(page) == ["en"]


def test_a_draft_does_not_change_the_live_languages(library):
    page = make_resource(library, "Assessment toolkit", files=("en",))
    page.files.add(ResourceFile(document=pdf_document("Draft es"), language="es"))
    page.save_revision()  # a draft: the live page still offers English only
    assert languages(page) == ["en"]


def test_captions_and_transcript_tick_their_accessibility_features(library):
    page = make_resource(library, "A video", kind="video", transcript="What is said.")
    assert page.has_transcript
    assert not page.has_captions
