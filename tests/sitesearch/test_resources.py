"""Site search over resources: the library's facets, words inside PDFs (and which
language's PDF held them), the most-used resources when nothing is found, and the
library's own search going through the same code."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from demo.sample_files import pdf_bytes
from resources.models import DownloadCount, ResourceFile
from tests.support.countries import country, country_index, story, translate
from tests.support.resources import make_resource

pytestmark = pytest.mark.django_db


def facet(response, param):
    for group in response.context["facets"]:
        if group["facet"].param == param:
            return {option["value"]: option["count"] for option in group["options"]}
    return {}


def titles(response):
    return [result["title"] for result in response.context["results"]]


@pytest.fixture
def shelf(library, portal_site):
    kenya = country(country_index(portal_site), "Kenya", "KE")
    make_resource(
        library, "Recovery guide", topics=["recovery"], files=("en", "fr"), countries=[kenya]
    )
    make_resource(library, "Recovery poster", kind="poster", topics=["peer-support"], files=("ar",))
    make_resource(library, "Recovery law", topics=["law-and-policy-reform"], files=("fr",))
    return library


def test_resource_facets_count_with_the_library_names(client, shelf):
    response = client.get("/en/search/?q=recovery")
    assert facet(response, "type") == {"guidance": 2, "poster": 1}
    assert facet(response, "topic") == {
        "recovery": 1,
        "peer-support": 1,
        "law-and-policy-reform": 1,
    }
    assert facet(response, "country") == {"kenya": 1}
    assert facet(response, "language") == {"fr": 2, "en": 1, "ar": 1}
    assert facet(response, "content")["resourcepage"] == 3


@pytest.mark.parametrize(
    "params, expected",
    [
        ("type=poster", ["Recovery poster"]),
        ("topic=recovery", ["Recovery guide"]),
        ("country=kenya", ["Recovery guide"]),
        ("language=fr", ["Recovery guide", "Recovery law"]),
        ("language=fr&type=guidance&topic=law-and-policy-reform", ["Recovery law"]),
    ],
)
def test_resource_facets_filter(client, shelf, params, expected):
    response = client.get(f"/en/search/?q=recovery&{params}")
    assert sorted(titles(response)) == expected


def test_topic_and_country_facets_count_and_keep_stories_too(client, shelf, portal_site):
    from core.taxonomy import Topic

    kenya = country_index(portal_site).get_children().get(slug="kenya").specific
    walk = story(kenya, "Recovery walk")
    walk.topics = list(Topic.objects.filter(slug="recovery"))
    walk.save_revision().publish()
    response = client.get("/en/search/?q=recovery")
    assert facet(response, "topic")["recovery"] == 2
    assert facet(response, "country") == {"kenya": 2}
    assert facet(response, "type") == {"guidance": 2, "poster": 1}  # stories have no type

    assert sorted(titles(client.get("/en/search/?q=recovery&topic=recovery"))) == [
        "Recovery guide",
        "Recovery walk",
    ]
    assert sorted(titles(client.get("/en/search/?q=recovery&country=kenya"))) == [
        "Recovery guide",
        "Recovery walk",
    ]
    assert titles(client.get("/en/search/?q=recovery&topic=peer-support")) == ["Recovery poster"]


def test_facet_counts_are_cached_until_a_page_is_published(client, shelf, portal_site, settings):
    settings.PAGE_CACHE_SECONDS = 0  # what the view computes; the page cache has its own tests

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        return len(captured), response

    first, _ = queries("/en/search/?q=recovery")
    again, response = queries("/en/search/?q=recovery")
    assert again < first  # the counts came from the cache
    assert facet(response, "country") == {"kenya": 1}

    kenya = country_index(portal_site).get_children().get(slug="kenya").specific
    story(kenya, "Recovery walk")  # publishing forgets every cached count
    _, response = queries("/en/search/?q=recovery")
    assert facet(response, "country") == {"kenya": 2}
    assert facet(response, "content")["storypage"] == 1

    # Making a page private takes it out of the search and of the counts at once.
    from wagtail.models import PageViewRestriction

    walk = kenya.get_children().get(title="Recovery walk")
    PageViewRestriction.objects.create(page=walk, restriction_type="login")
    _, response = queries("/en/search/?q=recovery")
    assert facet(response, "country") == {"kenya": 1}


def test_unknown_facet_values_are_ignored_and_said(client, shelf):
    response = client.get("/en/search/?q=recovery&type=nosuchtype&country=atlantis")
    assert response.status_code == 200
    assert titles(response) == titles(client.get("/en/search/?q=recovery"))
    assert "We did not recognise the value of the filter" in response.text


def upload_pdf(title, text, language):
    document = get_document_model()(title=title)
    document.file.save(f"{title}.pdf", ContentFile(pdf_bytes(text, language)), save=False)
    document.save()
    return document


def test_words_only_inside_a_pdf_find_the_resource_and_say_which_version(
    client, library, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    page = make_resource(library, "Guidance on community services", files=())
    with django_capture_on_commit_callbacks(execute=True):
        french = upload_pdf("guide-fr", "Formation sur la contention mecanique", "fr")
        english = upload_pdf("guide-en", "Training on restraint", "en")
        ResourceFile.objects.create(page=page, document=french, language="fr")
        ResourceFile.objects.create(page=page, document=english, language="en")
    response = client.get("/en/search/?q=contention+mecanique")
    assert titles(response) == ["Guidance on community services"]
    assert response.context["results"][0]["found_in"] == ["Found inside the PDF (French)"]
    assert "Found inside the PDF (French)" in response.text
    # The title matches, no file holds the word: nothing to say about files.
    response = client.get("/en/search/?q=community")
    assert response.context["results"][0]["found_in"] == []


def test_a_pdf_added_in_a_published_edit_is_searched_at_once(
    client, library, django_capture_on_commit_callbacks, settings, tmp_path
):
    """The text was extracted before the file was attached: publishing the edit must
    index the page with its new file, not as it was before its files were written."""
    settings.MEDIA_ROOT = tmp_path
    page = make_resource(library, "Guidance on community services", files=())
    with django_capture_on_commit_callbacks(execute=True):
        document = upload_pdf("advance-plans", "Advance statements and crisis plans", "en")
    assert titles(client.get("/en/search/?q=advance+statements")) == []
    page.files = [ResourceFile(document=document, language="en")]
    page.save_revision().publish()
    assert titles(client.get("/en/search/?q=advance+statements")) == [
        "Guidance on community services"
    ]


def test_a_damaged_pdf_does_not_stop_the_resource_being_found(
    client, library, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    page = make_resource(library, "Checklist for visits", files=())
    with django_capture_on_commit_callbacks(execute=True):
        document = get_document_model()(title="broken")
        document.file.save("broken.pdf", ContentFile(b"%PDF-1.4 broken"), save=False)
        document.save()
        ResourceFile.objects.create(page=page, document=document, language="en")
    response = client.get("/en/search/?q=checklist")
    assert titles(response) == ["Checklist for visits"]


def test_nothing_found_lists_the_most_downloaded_resources_in_the_visitors_language(
    client, library, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # what the view computes; the page cache has its own tests
    guide = make_resource(library, "Recovery guide", files=("en",))
    poster = make_resource(library, "Recovery poster", files=("en",))
    make_resource(library, "Never downloaded", files=("en",))
    DownloadCount.objects.create(file=guide.files.first(), page=guide, count=3)
    DownloadCount.objects.create(file=poster.files.first(), page=poster, count=7)
    translate(poster, "fr", title="Affiche sur le rétablissement")
    english = client.get("/en/search/?q=zzzyyyxxx").context["most_used"]
    assert [item["title"] for item in english] == ["Recovery poster", "Recovery guide"]
    french = client.get("/fr/search/?q=zzzyyyxxx").context["most_used"]
    assert [item["title"] for item in french] == ["Affiche sur le rétablissement", "Recovery guide"]
    assert french[1]["url"].startswith("/fr/")

    # Ranked again at most every ten minutes, per language (search/most_used.py).
    DownloadCount.objects.filter(page=guide).update(count=70)
    with CaptureQueriesContext(connection) as captured:
        again = client.get("/en/search/?q=zzzyyyxxx").context["most_used"]
    assert again == english
    assert not [q for q in captured if "resources_downloadcount" in q["sql"]]


def test_the_library_search_stems_like_the_site_search(client, library):
    page = make_resource(library, "Formation aux droits", files=("fr",))
    translate(page, "fr", title="Formation aux droits")
    make_resource(library, "Peer support", files=("en",))
    response = client.get("/fr/resources/?q=formations")
    assert [r.title for r in response.context["results"]] == ["Formation aux droits"]
    # Untranslated English resources are still found from the French library.
    response = client.get("/fr/resources/?q=support")
    assert [r.title for r in response.context["results"]] == ["Peer support"]


def test_results_show_the_pages_own_summary(client, library, portal_site):
    kenya = country(country_index(portal_site), "Kenya recovery", "KE")
    story(kenya, "Recovery walk")
    make_resource(library, "Recovery guide")
    response = client.get("/en/search/?q=recovery")
    summaries = {result["title"]: result["summary"] for result in response.context["results"]}
    assert summaries["Recovery guide"] == "Summary of Recovery guide."
    assert summaries["Recovery walk"] == "Recovery walk summary."
    assert summaries["Kenya recovery"] == "Kenya recovery summary."
    assert "Summary of Recovery guide." in response.text
