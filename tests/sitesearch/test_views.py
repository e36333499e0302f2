"""The site search page, /<lang>/search/, through the test client."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import SearchQueryDay
from tests.support.search import add_page, home_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["en", "ar", "zh-hans", "fil"])
def test_search_page_exists_in_every_language_and_is_not_indexed(client, portal_site, code):
    response = client.get(f"/{code}/search/")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.text
    # Lighthouse's SEO audit asks for one even on a page kept out of search engines.
    assert '<meta name="description" content="' in response.text
    assert f'action="/{code}/search/"' in response.text


def test_results_with_a_query_are_never_kept_by_browsers_or_cdns(client, portal_site):
    # The server's page cache may keep them (tests/core/test_page_cache.py).
    response = client.get("/en/search/?q=peer")
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_results_are_in_the_active_language_and_counted(client, portal_site):
    add_page("fr", "Soutien par les pairs", "soutien-pairs")
    add_page("en", "Soutien groups in Quebec", "soutien-quebec")
    response = client.get("/fr/search/?q=soutien")
    assert "Soutien par les pairs" in response.text
    assert "Soutien groups in Quebec" not in response.text
    assert 'role="status"' in response.text
    assert "1 résultat" in response.text or "1 result" in response.text


def test_other_languages_are_labelled_with_their_name(client, portal_site):
    add_page("fr", "Soutien par les pairs", "soutien-pairs")
    add_page("ar", "Soutien عربي", "soutien-ar")
    response = client.get("/fr/search/?q=soutien&all_languages=1")
    assert "Soutien par les pairs" in response.text
    assert 'lang="ar" dir="rtl" hreflang="ar"' in response.text
    assert "العربية" in response.text  # the Arabic endonym labels the result


def test_content_type_facet_counts_and_filters(client, portal_site):
    add_page("en", "Recovery stories", "recovery-stories")
    response = client.get("/en/search/?q=recovery")
    assert 'href="?q=recovery&amp;content=homepage"' in response.text
    assert 'href="?q=recovery&amp;content=page"' in response.text
    filtered = client.get("/en/search/?q=recovery&content=page")
    assert "Recovery stories" in filtered.text
    assert "1 result" in filtered.text
    assert "Remove filter: Type of page" in filtered.text


def test_language_facet_only_across_languages(client, portal_site):
    add_page("fr", "Soutien par les pairs", "soutien-pairs")
    add_page("ar", "Soutien عربي", "soutien-ar")
    response = client.get("/en/search/?q=soutien&all_languages=1&written_in=ar")
    assert "Soutien عربي" in response.text
    assert "Soutien par les pairs" not in response.text


@pytest.mark.parametrize(
    "params",
    [
        "content=nosuchtype",
        "content=user",
        "written_in=xx&all_languages=1",
        "page=abc",
        "page=99999999999999999999",
        "page=-1",
        "all_languages=yes",
    ],
)
def test_bad_parameters_give_a_normal_page(client, portal_site, params):
    response = client.get(f"/en/search/?q=recovery&{params}")
    assert response.status_code == 200


def test_unknown_filter_value_is_ignored_and_said(client, portal_site):
    response = client.get("/en/search/?q=recovery&content=nosuchtype")
    assert "We did not recognise the value of the filter" in response.text


def test_zero_results_say_so_and_offer_a_way_out(client, portal_site):
    response = client.get("/en/search/?q=zzzyyyxxx")
    assert "Nothing found" in response.text
    assert "all_languages=1" in response.text
    assert response.context["facets"] == []  # nothing was counted
    filtered = client.get("/en/search/?q=zzzyyyxxx&content=page")
    assert "Remove a filter above" in filtered.text


def test_symbols_only_ask_for_a_word(client, portal_site):
    response = client.get("/en/search/?q=*+-+(")
    assert response.status_code == 200
    assert "Please type a word" in response.text


def test_a_very_long_query_is_shortened_with_a_message(client, portal_site):
    response = client.get("/en/search/", {"q": "recovery " * 600})
    assert response.status_code == 200
    assert "Your search was long" in response.text


def test_promoted_results_come_first(client, portal_site):
    page = add_page("en", "Guidance on legal capacity", "legal-capacity-guide")
    add_page("en", "Peer support network", "peer-support-network")
    query = Query.get("peer support")
    SearchPromotion.objects.create(query=query, page=page, sort_order=0, description="Start here")
    text = client.get("/en/search/?q=Peer+Support").text
    assert text.index("Guidance on legal capacity") < text.index("Peer support network")
    assert "Start here" in text


def test_promoted_pages_are_checked_without_reading_every_page(client, portal_site):
    """Whether a promoted page is live and public is asked of the page loaded with the
    promotion: as `page IN (every searchable page)` each search read the page table."""
    page = add_page("en", "Guidance on legal capacity", "legal-capacity-guide")
    SearchPromotion.objects.create(
        query=Query.get("capacity"), page=page, sort_order=0, description="Start with this"
    )
    with CaptureQueriesContext(connection) as queries:
        text = client.get("/en/search/?q=capacity").text
    assert "Start with this" in text
    promotions = [q["sql"] for q in queries.captured_queries if "searchpromotion" in q["sql"]]
    assert len(promotions) == 1
    assert "SELECT" not in promotions[0].split("WHERE", 1)[1]
    page.unpublish()
    text = client.get("/en/search/?q=capacity").text
    assert "Start with this" not in text and "Guidance on legal capacity" not in text


def test_queries_are_counted_per_language_without_personal_data(client, portal_site):
    add_page("en", "Peer support network", "peer-support-network")
    client.get("/en/search/?q=Peer+support")
    client.get("/en/search/?q=peer  support")
    client.get("/en/search/?q=peer+support&page=2")  # paging is not a new search
    client.get("/fr/search/?q=zzzyyyxxx")
    client.get("/en/search/?q=jane@example.org")
    client.get("/en/search/?q=call+0612+345+678")
    rows = {(r.language_code, r.query): r for r in SearchQueryDay.objects.all()}
    assert set(rows) == {("en", "peer support"), ("fr", "zzzyyyxxx")}
    assert rows["en", "peer support"].searches == 2
    assert rows["en", "peer support"].zero_results == 0
    assert rows["fr", "zzzyyyxxx"].zero_results == 1


def test_editors_see_the_search_terms_report(admin_client, portal_site):
    admin_client.get("/en/search/?q=peer+support")
    admin_client.get("/fr/search/?q=zzzyyyxxx")
    english = admin_client.get("/admin/reports/search-terms/?language=en")
    assert english.status_code == 200
    assert "peer support" in english.text
    french = admin_client.get("/admin/reports/search-terms/?language=fr&days=7")
    assert "zzzyyyxxx" in french.text
    assert admin_client.get("/admin/reports/search-terms/?days=x&language=q").status_code == 200


def test_the_report_is_for_editors_only(client, portal_site):
    response = client.get("/admin/reports/search-terms/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_header_search_box_is_a_plain_get_form(client, portal_site):
    response = client.get("/en/")
    assert 'class="site-search" method="get" action="/en/search/"' in response.text
    assert home_in("en").title in response.text


def test_suggestions_are_titles_of_the_active_language(client, portal_site):
    for i in range(10):
        add_page("en", f"Peer support group {i}", f"peer-group-{i}")
    add_page("fr", "Peer aidance", "peer-aidance")
    response = client.get("/en/search/suggest/?q=peer+sup")
    suggestions = response.json()["suggestions"]
    assert len(suggestions) == 8
    assert all(s["title"].startswith("Peer support group") for s in suggestions)
    assert suggestions[0]["url"].startswith("/en/peer-group-")
    assert suggestions[0]["type"] == "page"
    assert response["X-Robots-Tag"] == "noindex"
    assert client.get("/en/search/suggest/?q=").json() == {"suggestions": []}
