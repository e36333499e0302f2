"""The editors' translation report: counts match the data, CSV export, locale detail."""

import csv
import io

import pytest
from wagtail.models import Locale, Page


@pytest.fixture
def pages(portal_site):
    fr = Locale.objects.get(language_code="fr")
    about = portal_site.add_child(instance=Page(title="About", slug="about"))
    about.save_revision().publish()
    news = portal_site.add_child(instance=Page(title="News", slug="news"))
    news.save_revision().publish()
    about_fr = about.copy_for_translation(fr)
    about_fr.save_revision().publish()
    news_fr = news.copy_for_translation(fr)
    news_fr.save_revision().publish()
    news.title = "News and stories"
    news.save_revision().publish()  # the English source changed after the translation
    team = about.add_child(instance=Page(title="Team", slug="team"))
    team.save_revision().publish()
    return {"about": about, "news": news, "team": team}


def summary_csv(client, query=""):
    response = client.get(f"/admin/reports/translation-status/?export=csv{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_counts_match_the_data(admin_client, pages):
    rows = {(r["language"], r["page_type"]): r for r in summary_csv(admin_client)}
    assert rows[("fr", "page")] == {
        "language": "fr",
        "page_type": "page",
        "total": "3",
        "translated": "2",
        "out_of_date": "1",
        "missing": "1",
    }
    assert rows[("ar", "page")]["translated"] == "0"
    assert rows[("ar", "page")]["missing"] == "3"
    assert rows[("ar", "home page")]["translated"] == "1"
    assert ("en", "page") not in rows


def test_section_filter_counts_only_that_part_of_the_tree(admin_client, pages):
    rows = {
        (r["language"], r["page_type"]): r
        for r in summary_csv(admin_client, f"&section={pages['about'].pk}")
    }
    assert rows[("fr", "page")]["total"] == "2"  # About and Team
    assert rows[("fr", "page")]["missing"] == "1"
    assert ("fr", "home page") not in rows


def test_locale_detail_lists_missing_and_out_of_date_pages(admin_client, pages):
    body = admin_client.get("/admin/reports/translation-status/?locale=fr").content.decode()
    missing, out_of_date = body.split("Out of date</h2>")
    assert "Team" in missing and "About" not in missing
    assert "News" in out_of_date


def test_html_report_renders_and_links_each_language(admin_client, pages):
    response = admin_client.get("/admin/reports/translation-status/")
    assert response.status_code == 200
    assert '?locale=ar" lang="ar">العربية</a>' in response.content.decode()


@pytest.mark.parametrize("query", ["?locale=xx", "?section=999999"])
def test_bad_input_is_a_404(admin_client, pages, query):
    assert admin_client.get(f"/admin/reports/translation-status/{query}").status_code == 404


@pytest.mark.parametrize("value", ["abc", "²", "-1", "1e3", "99999999999999999999"])
def test_a_section_that_is_not_a_page_number_is_a_400_with_a_message(admin_client, pages, value):
    response = admin_client.get("/admin/reports/translation-status/", {"section": value})
    assert response.status_code == 400
    assert "must be the number of a page" in response.content.decode()


def test_a_country_team_sees_nothing_of_another_countrys_draft(client, pages, portal_site):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from countries.models import CountryPage
    from tests.support.countries import country, country_index

    index = country_index(portal_site)
    country(index, "Kenya", "KE")
    ghana = CountryPage(title="Ghana secret draft", iso_code="GH", status="planning")
    ghana.who_region, ghana.summary, ghana.live = "afr", "Draft.", False
    index.add_child(instance=ghana)
    editor = get_user_model().objects.create_user("kenya-editor", password="x")
    editor.groups.add(Group.objects.get(name="Kenya editors"))
    client.force_login(editor)
    body = client.get("/admin/reports/translation-status/?section=").content.decode()
    assert "Kenya" in body and "Ghana secret draft" not in body
    response = client.get(f"/admin/reports/translation-status/?section={ghana.pk}")
    assert response.status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client, pages):
    response = client.get("/admin/reports/translation-status/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_report_query_count_does_not_grow_with_pages(
    admin_client, pages, django_assert_max_num_queries
):
    for n in range(30):
        pages["about"].add_child(instance=Page(title=f"P{n}", slug=f"p{n}"))
    with django_assert_max_num_queries(12):
        summary_csv(admin_client)


def test_a_country_team_sees_its_own_country_first(client, pages, portal_site):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from tests.support.countries import country, country_index

    kenya = country(country_index(portal_site), "Kenya", "KE")
    editor = get_user_model().objects.create_user("kenya-editor", password="x")
    editor.groups.add(Group.objects.get(name="Kenya editors"))
    client.force_login(editor)
    rows = {(r["language"], r["page_type"]): r for r in summary_csv(client)}
    assert rows[("fr", "country page")]["total"] == "1"
    assert ("fr", "page") not in rows  # About, News and Team are outside Kenya
    body = client.get("/admin/reports/translation-status/").content.decode()
    assert f'<option value="{kenya.pk}" selected>Kenya</option>' in body
    # They can still choose the whole portal.
    whole = {(r["language"], r["page_type"]) for r in summary_csv(client, "&section=")}
    assert ("fr", "page") in whole
