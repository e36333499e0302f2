"""What a fresh-eyes review of the country numbers found: no probing for other
countries' drafts through the import, no 500 on a huge number, restricted English values
never shown through a public translation, one period per total, and translations left up
to date by the first numbers-only publish."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction

from countries import translation_status
from countries.figures import Figures
from countries.models import CountryPage, CountryText
from tests.support import countries as build
from tests.support import indicator_imports as imp


@pytest.fixture
def tree(portal_site):
    return imp.countries(portal_site)


def test_a_team_cannot_probe_for_another_countrys_draft(client, tree, django_user_model):
    draft = CountryPage(
        title="Secretland",
        iso_code="SL",
        who_region="afr",
        summary="Not public yet.",
        live=False,
    )
    tree["index"].add_child(instance=draft)
    draft.save_revision()  # a draft, never published
    editor = imp.person(django_user_model, "kenya-editor", "Kenya editors")
    client.force_login(editor)
    response = imp.upload(
        client,
        imp.csv_bytes([imp.row(iso="SL"), imp.row(iso="", country="Secretland"), imp.row()]),
    )
    unknown = "No country on the portal has the code or name"
    assert imp.reasons(response, 2) == f"{unknown} “SL”."
    assert imp.reasons(response, 3) == f"{unknown} “Secretland”."
    # A public country of another team is named, as the public sees it.
    response = imp.upload(client, imp.csv_bytes([imp.row(iso="GH")]))
    assert "This row is for Ghana" in imp.reasons(response, 2)


def test_a_number_of_thousands_of_digits_is_refused_not_a_server_error(
    client, tree, django_user_model
):
    moderator = imp.person(django_user_model, "moderator", imp.MODERATORS)
    client.force_login(moderator)
    response = imp.upload(client, imp.csv_bytes([imp.row(value="9" * 5000)]))
    assert response.status_code in (200, 400)
    assert "too large a number" in imp.reasons(response, 2)


def test_a_public_translation_of_a_restricted_country_shows_no_values(client, tree):
    kenya = tree["kenya"]
    build.translate(kenya, "fr", title="Kenya")
    assert "indicator__chart" in client.get("/fr/countries/kenya/").content.decode()
    PageViewRestriction.objects.create(page=kenya, restriction_type="password", password="x")
    assert "indicator__chart" not in client.get("/fr/countries/kenya/").content.decode()
    api = client.get("/api/v2/pages/?type=countries.CountryPage&fields=indicators&locale=fr").json()
    assert all(item["indicators"] == [] for item in api["items"])


def test_a_count_per_period_adds_up_one_period(tree):
    events = tree["events"]
    imp.set_values(tree["kenya"], [(events, "2023-12-31", 100), (events, "2024-12-31", 50)])
    imp.set_values(tree["ghana"], [(events, "2023-12-31", 200)])
    total = Figures().totals()[events.pk]
    assert (total.total, total.as_of) == (50, datetime.date(2024, 12, 31))


def test_the_first_numbers_only_publish_leaves_translations_up_to_date(tree):
    kenya = tree["kenya"]
    french = build.translate(kenya, "fr", title="Kenya")
    CountryText.objects.all().delete()  # as before the record began
    imp.set_values(kenya, [(tree["completed"], "2024-12-31", 3000)])
    french_locale = Locale.objects.get(language_code="fr")
    assert french.pk not in translation_status.out_of_date_pages(french_locale).values_list(
        "pk", flat=True
    )


def test_the_api_find_endpoints_refuse_an_id_that_is_not_a_number(client, tree):
    for path in ("/api/v2/pages/find/?id=abc", "/api/v2/targets/find/?id=abc"):
        response = client.get(path)
        assert response.status_code == 400, path
    assert reverse("indicator_imports:upload")
