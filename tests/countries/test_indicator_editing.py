"""Indicator values in the page editor (issue #17): one table on the English page, checked
as a series, shown in previews and moderation as submitted, compared by what changed, and
kept out of translations."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset
from wagtail_localize.models import TranslationSource

from countries import translation_status
from countries.models import IndicatorType, IndicatorValue
from tests.support import countries as build

JAN, JUN = datetime.date(2024, 1, 31), datetime.date(2024, 6, 30)


@pytest.fixture
def kenya(portal_site):
    index = build.country_index(portal_site)
    return build.country(index, "Kenya", "KE")


@pytest.fixture
def enrolled(portal_site):
    return build.indicator_type("etraining-enrolled", "E-training learners enrolled")


def rows(*values):
    """The table's rows as the browser sends them: (indicator, date, value, source[, id])."""
    forms = []
    for number, row in enumerate(values):
        indicator, date, value, source, *pk = row
        form = {
            "indicator": indicator.pk,
            "date": date.isoformat() if date else "",
            "value": value,
            "source": source,
            "ORDER": number + 1,
        }
        if pk:
            form["id"] = pk[0]
        forms.append(form)
    return inline_formset(forms, initial=sum(1 for row in values if len(row) == 5))


def shows(response, number):
    """The number in the page, grouped as the page's language groups digits."""
    digits = str(number)
    pattern = digits[:-3] + r"[\s\u00a0\u202f.,]?" + digits[-3:]
    return re.search(pattern, response.content.decode()) is not None


def edit(client, page, values, **extra):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, build.edit_form(page, indicator_values=values, **extra))


def kept(page):
    return list(page.indicator_values.order_by("date").values_list("date", "value"))


def test_values_are_one_table_with_english_indicator_types_only(admin_client, kenya, enrolled):
    french = enrolled.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.name = "Apprenants inscrits"
    french.save()
    build.add_values(kenya, enrolled, [(JAN, 1200)])
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[kenya.pk])).content.decode()
    table = html[html.index('<table class="listing indicator-table"') :]
    table = table[: table.index("</table>")]
    assert '<th scope="col">Indicator</th>' in table
    assert 'value="1200"' in table and 'value="2024-01-31"' in table
    # The existing row and one empty row to fill in, each with its Remove box.
    assert table.count('type="checkbox" name="indicator_values-') == 2
    assert "E-training learners enrolled" in table
    assert "Apprenants inscrits" not in table  # a translation names a type; it is not one
    assert "Value 1" not in html


def test_a_draft_saves_the_table(admin_client, kenya, enrolled):
    build.add_values(kenya, enrolled, [(JAN, 1200)])
    existing = IndicatorValue.objects.get(country_id=kenya.pk)
    response = edit(
        admin_client,
        kenya,
        rows(
            (enrolled, JAN, 1250, "WHO Academy", existing.pk), (enrolled, JUN, 2000, "WHO Academy")
        ),
    )
    assert response.status_code == 302
    draft = Page.objects.get(pk=kenya.pk).specific.get_latest_revision_as_object()
    assert kept(draft) == [(JAN, 1250), (JUN, 2000)]
    assert kept(Page.objects.get(pk=kenya.pk).specific) == [
        (JAN, 1200)
    ]  # live values wait for publishing


@pytest.mark.parametrize(
    "values, message",
    [
        ([(JAN, 1200), (JUN, 900)], "is a running total and cannot go down: 900 on"),
        ([(JAN, 1200), (JAN, 1300)], "has two values for"),
        ([(datetime.date.today() + datetime.timedelta(days=2), 10)], "is in the future"),
    ],
)
def test_values_that_break_the_rules_are_refused(admin_client, kenya, enrolled, values, message):
    before = kenya.revisions.count()
    response = edit(
        admin_client, kenya, rows(*[(enrolled, date, value, "WHO") for date, value in values])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Some indicator values need attention" in html
    assert kenya.revisions.count() == before


def test_a_count_per_period_may_go_down(admin_client, kenya):
    sessions = IndicatorType.objects.create(
        locale=Locale.get_default(), slug="sessions", name="Training sessions", kind="per-period"
    )
    response = edit(
        admin_client, kenya, rows((sessions, JAN, 30, "WHO"), (sessions, JUN, 12, "WHO"))
    )
    assert response.status_code == 302


def test_previews_show_the_values_being_submitted(admin_client, client, kenya, enrolled):
    build.add_values(kenya, enrolled, [(JAN, 1200)])
    existing = IndicatorValue.objects.get(country_id=kenya.pk)
    data = build.edit_form(
        kenya, indicator_values=rows((enrolled, JAN, 7654, "WHO Academy", existing.pk))
    )
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[kenya.pk])
    assert admin_client.post(preview, data).json()["is_valid"]
    html = admin_client.get(preview).content.decode()
    assert "7,654" in html and "1,200" not in html

    # Moderation: a team member submits; the moderator's preview of the task shows it.
    editor = build_user(kenya, "Kenya editors")
    client.force_login(editor)
    data = build.edit_form(
        kenya,
        indicator_values=rows((enrolled, JAN, 8765, "WHO Academy", existing.pk)),
        **{"action-submit": "Submit"},
    )
    assert client.post(reverse("wagtailadmin_pages:edit", args=[kenya.pk]), data).status_code == 302
    state = WorkflowState.objects.get(object_id=str(kenya.pk), status="in_progress")
    task_preview = reverse(
        "wagtailadmin_pages:workflow_preview", args=[kenya.pk, state.current_task_state.task_id]
    )
    html = admin_client.get(task_preview).content.decode()
    assert "8,765" in html and "1,200" not in html
    # The public page keeps the live number until a moderator approves.
    assert "1,200" in client.get("/en/countries/kenya/").content.decode()


def build_user(page, group_name):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(group_name.split()[0].lower(), password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_moderation_compares_values_by_what_changed(admin_client, kenya, enrolled):
    completed = build.indicator_type()
    build.add_values(kenya, enrolled, [(JAN, 1200), (JUN, 2000)])  # revision A: two enrolled values
    first = kenya.get_latest_revision()
    jan, jun = IndicatorValue.objects.filter(country_id=kenya.pk).order_by("date")
    # Revision B lists the rows in another order, changes one number, removes none
    # and adds a value of another indicator.
    response = edit(
        admin_client,
        kenya,
        rows(
            (enrolled, JUN, 2100, "sample data", jun.pk),
            (enrolled, JAN, 1200, "sample data", jan.pk),
            (completed, JAN, 300, "WHO Academy"),
        ),
    )
    assert response.status_code == 302
    second = Page.objects.get(pk=kenya.pk).get_latest_revision()
    url = reverse("wagtailadmin_pages:revisions_compare", args=[kenya.pk, first.pk, second.pk])
    html = admin_client.get(url).content.decode()
    assert "Moved" not in html
    assert html.count("comparison__child-object") == 2  # the change and the addition
    assert "2100" in html and "300" in html
    assert "comparison__child-object addition" in html


def test_translations_have_no_values_of_their_own(admin_client, client, kenya, enrolled):
    build.add_values(kenya, enrolled, [(JAN, 1200)])
    french = Locale.objects.get(language_code="fr")
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[kenya.pk]),
        {"locales": [french.pk]},
    )
    assert response.status_code == 302
    translated = kenya.get_translation(french).specific
    assert not IndicatorValue.objects.filter(country=translated).exists()

    # wagtail-localize's editor offers the text only; the numbers are not in it.
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk])).content
    assert b"indicator_values" not in html and b"1200" not in html

    # Publishing the French page keeps it without values; visitors see the English ones.
    build.publish(translated)
    assert not IndicatorValue.objects.filter(country=translated).exists()
    assert shows(client.get("/fr/countries/kenya/"), 1200)
    # wagtail-localize's sync after the English numbers change copies none either.
    build.add_values(kenya, enrolled, [(JAN, 1200), (JUN, 1900)])
    source = TranslationSource.objects.get_for_instance(kenya)
    response = admin_client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )
    assert response.status_code == 302
    assert not IndicatorValue.objects.filter(country=translated).exists()
    assert shows(client.get("/fr/countries/kenya/"), 1900)


def test_a_translation_edited_in_wagtail_says_where_the_numbers_are(admin_client, kenya, enrolled):
    build.add_values(kenya, enrolled, [(JAN, 1200)])
    spanish = build.translate(kenya, "es", title="Kenia")  # a copy edited in Wagtail's form
    url = reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    html = admin_client.get(url).content.decode()
    assert "indicator_values-TOTAL_FORMS" not in html
    assert "Numbers are kept on the English page of the country" in html
    assert reverse("wagtailadmin_pages:edit", args=[kenya.pk]) in html
    # Saving the translation's form keeps it without values of its own.
    response = admin_client.post(url, build.edit_form(spanish, summary="Resumen."))
    assert response.status_code == 302
    assert not IndicatorValue.objects.filter(country_id=spanish.pk).exists()


def test_new_numbers_leave_translations_up_to_date(kenya, enrolled):
    french = build.translate(kenya, "fr", title="Kenya")
    french_locale = Locale.objects.get(language_code="fr")

    def out_of_date():
        pages = translation_status.out_of_date_pages(french_locale)
        return list(pages.values_list("pk", flat=True))

    assert out_of_date() == []
    build.add_values(kenya, enrolled, [(JAN, 1200)])  # publishes the English page again
    french.refresh_from_db()
    assert Page.objects.get(pk=kenya.pk).last_published_at > french.last_published_at
    assert out_of_date() == []
    kenya.refresh_from_db()
    kenya.summary = "A new summary for translators."
    build.publish(kenya)
    assert out_of_date() == [french.pk]


def test_a_revision_with_many_values_loads_in_a_constant_number_of_queries(kenya, enrolled):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_to_load(count):
        values = [(JAN - datetime.timedelta(days=n), 100 + n) for n in range(count)]
        build.add_values(kenya, enrolled, sorted(values))
        revision = Page.objects.get(pk=kenya.pk).get_latest_revision()
        revision = type(revision).objects.get(pk=revision.pk)
        with CaptureQueriesContext(connection) as queries:
            page = revision.as_object()
        assert len(page.indicator_values.all()) == count
        return len(queries)

    assert queries_to_load(5) == queries_to_load(50)


def test_a_value_whose_type_is_gone_is_left_out_of_an_old_revision(kenya, enrolled):
    build.add_values(kenya, enrolled, [(JAN, 1200)])
    revision = Page.objects.get(pk=kenya.pk).get_latest_revision()
    content = dict(revision.content)
    content["indicator_values"] = [
        *content["indicator_values"],
        {**content["indicator_values"][0], "pk": None, "indicator": 987654},
    ]
    page = kenya.specific_class.from_serializable_data(content)
    assert [v.indicator_id for v in page.indicator_values.all()] == [enrolled.pk]
