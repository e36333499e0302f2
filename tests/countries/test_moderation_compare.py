"""What a moderator compares (issue #18): the version sent for review against the live
page, and inline rows matched by what they hold, so rows only reordered or saved again
are no change."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset

from countries.models import CountryPage, IndicatorValue, TrainingLanguage
from tests.support import countries as build
from tests.support.share import member_of

JAN, JUN = datetime.date(2024, 1, 31), datetime.date(2024, 6, 30)


@pytest.fixture
def index(portal_site):
    return build.country_index(portal_site)


@pytest.fixture
def kenya(index):
    page = build.country(index, "Kenya", "KE")
    page.training_languages = [
        TrainingLanguage(language=code, sort_order=order)
        for order, code in enumerate(["en", "fr", "sw"])
    ]
    return build.publish(page)


@pytest.fixture
def enrolled(portal_site):
    return build.indicator_type("etraining-enrolled", "E-training learners enrolled")


@pytest.fixture
def moderator(django_user_model, index):
    return member_of(django_user_model, "Moderators", "moderator", "moderator@example.org")


@pytest.fixture
def kenya_editor(django_user_model, kenya):
    return member_of(django_user_model, "Kenya editors", "kenya-editor", "kenya-editor@example.org")


def kept_languages(page):
    rows = TrainingLanguage.objects.filter(country_id=page.pk).order_by("sort_order")
    return {row.language: row.pk for row in rows}


def kept_values(page):
    rows = IndicatorValue.objects.filter(country_id=page.pk).order_by("date")
    return [row.pk for row in rows]


def rows(existing, new=()):
    """An inline formset as the browser sends it: the existing rows in their places,
    each with its id (moving a row changes its ORDER, not its place), then the new rows."""
    forms = [*existing, *new]
    for number, form in enumerate(forms):
        form.setdefault("ORDER", number + 1)
    return inline_formset(forms, initial=len(existing))


def value(indicator, date, number, source="sample data", **form):
    return {
        "indicator": indicator.pk,
        "date": date.isoformat(),
        "value": number,
        "source": source,
        **form,
    }


def submit(client, page, editor, **changes):
    client.force_login(editor)
    # An empty rich text editor sends null, as Draftail does in the browser.
    empty = {"body": "null", "partners": "null", "contact": "null"}
    data = build.edit_form(page, **(empty | changes), **{"action-submit": "Submit"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    return WorkflowState.objects.filter(object_id=str(page.pk)).latest("created_at")


def compare(client, page, a, b):
    url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, a, b])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def fields_shown(html):
    soup = BeautifulSoup(html, "html.parser")
    return [cell.get_text().strip().rstrip(":") for cell in soup.select(".title-wrapper")]


def rows_shown(html):
    """The inline rows a comparison lists, as (kind, the row's text) pairs: addition,
    deletion, or changed (Wagtail marks a row it lists unchanged no other way)."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        (
            ({"addition", "deletion"} & set(row["class"]) or {"changed"}).pop(),
            " ".join(row.get_text(" ").split()),
        )
        for row in soup.select(".comparison__child-object")
    ]


# Inline rows


def test_reordered_languages_with_one_added_show_the_addition_only(
    client, kenya, kenya_editor, moderator
):
    kept = kept_languages(kenya)
    state = submit(
        client,
        kenya,
        kenya_editor,
        training_languages=rows(
            existing=[
                {"id": kept["en"], "language": "en", "ORDER": 2},
                {"id": kept["fr"], "language": "fr", "ORDER": 3},
                {"id": kept["sw"], "language": "sw", "ORDER": 1},
            ],
            new=[{"language": "ar", "ORDER": 4}],
        ),
    )
    submitted = state.current_task_state.revision
    assert [
        row["language"]
        for row in sorted(
            submitted.content["training_languages"], key=lambda row: row["sort_order"]
        )
    ] == ["sw", "en", "fr", "ar"]
    client.force_login(moderator)
    html = compare(client, kenya, "live", submitted.pk)
    assert "Moved" not in html
    # Wagtail listed English, French and Swahili too, unchanged, around the addition.
    assert rows_shown(html) == [("addition", "Language Arabic")]


def test_languages_removed_and_added_again_are_no_change(client, kenya, kenya_editor, moderator):
    kept = kept_languages(kenya)
    state = submit(
        client,
        kenya,
        kenya_editor,
        summary="A clearer summary.",
        training_languages=rows(
            existing=[{"id": pk, "language": code, "DELETE": "1"} for code, pk in kept.items()],
            new=[{"language": code} for code in ("sw", "en", "fr")],
        ),
    )
    client.force_login(moderator)
    html = compare(client, kenya, "live", state.current_task_state.revision_id)
    # New rows pair with old ones by their values, as Wagtail paired them too.
    assert fields_shown(html) == ["Summary"]
    assert rows_shown(html) == []


def test_rows_saved_under_new_ids_compare_unchanged_with_older_versions(
    client, kenya, kenya_editor, moderator
):
    """Approving saves the submitted new rows under new ids: a version from before, which
    holds the same languages under their old ids, compares unchanged."""
    before = CountryPage.objects.get(pk=kenya.pk).save_revision()
    kept = kept_languages(kenya)
    assert {row["pk"] for row in before.content["training_languages"]} == set(kept.values())
    state = submit(
        client,
        kenya,
        kenya_editor,
        training_languages=rows(
            existing=[{"id": pk, "language": code, "DELETE": "1"} for code, pk in kept.items()],
            new=[{"language": code} for code in ("en", "fr", "sw")],
        ),
    )
    client.force_login(moderator)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[kenya.pk, "approve", state.current_task_state.pk],
    )
    assert client.post(url, {"comment": ""}).status_code == 302
    assert set(kept_languages(kenya)) == {"en", "fr", "sw"}
    assert set(kept_languages(kenya).values()).isdisjoint(kept.values())
    html = compare(client, kenya, before.pk, "live")
    assert "There are no differences between these two versions" in html


def test_a_language_changed_and_one_removed_are_shown_as_such(
    client, kenya, kenya_editor, moderator
):
    kept = kept_languages(kenya)
    state = submit(
        client,
        kenya,
        kenya_editor,
        training_languages=rows(
            existing=[
                {"id": kept["en"], "language": "en"},
                {"id": kept["fr"], "language": "ar"},
                {"id": kept["sw"], "language": "sw", "DELETE": "1"},
            ]
        ),
    )
    client.force_login(moderator)
    html = compare(client, kenya, "live", state.current_task_state.revision_id)
    assert rows_shown(html) == [
        ("changed", "Language French Arabic"),
        ("deletion", "Language Swahili"),
    ]
    assert '<span class="deletion">French</span><span class="addition">Arabic</span>' in html


def test_indicator_values_reordered_and_saved_again_are_no_change(
    client, kenya, kenya_editor, moderator, enrolled
):
    build.add_values(kenya, enrolled, [(JAN, 1200), (JUN, 2000)])
    jan, jun = kept_values(kenya)
    state = submit(
        client,
        kenya,
        kenya_editor,
        summary="A clearer summary.",
        indicator_values=rows(
            existing=[
                value(enrolled, JAN, 1200, id=jan, DELETE="1"),
                value(enrolled, JUN, 2000, id=jun, ORDER=2),
            ],
            new=[value(enrolled, JAN, 1200, ORDER=1)],  # the same value, saved as a new row
        ),
    )
    client.force_login(moderator)
    html = compare(client, kenya, "live", state.current_task_state.revision_id)
    assert fields_shown(html) == ["Summary"]
    assert "Moved" not in html
    assert rows_shown(html) == []


def test_a_changed_value_is_the_one_row_shown(client, kenya, kenya_editor, moderator, enrolled):
    completed = build.indicator_type()
    build.add_values(kenya, enrolled, [(JAN, 1200), (JUN, 2000)])
    jan, jun = kept_values(kenya)
    state = submit(
        client,
        kenya,
        kenya_editor,
        indicator_values=rows(
            existing=[
                value(enrolled, JAN, 1200, id=jan, ORDER=3),
                value(enrolled, JUN, 2100, id=jun, ORDER=1),
            ],
            new=[value(completed, JUN, 300, "WHO Academy", ORDER=2)],
        ),
    )
    client.force_login(moderator)
    html = compare(client, kenya, "live", state.current_task_state.revision_id)
    # By indicator and date, whatever the order of the rows in the form.
    assert rows_shown(html) == [
        (
            "changed",
            "Indicator E-training learners enrolled Date 2024-06-30 Value 2000 2100 "
            "Source sample data",
        ),
        (
            "addition",
            "Indicator E-training learners completed Date 2024-06-30 Value 300 Source WHO Academy",
        ),
    ]


# What the moderator is offered first


@pytest.fixture
def ghana_draft(django_user_model, index):
    """A country page never published, and a member of its team."""
    ghana = CountryPage(
        title="Ghana", iso_code="GH", who_region="afr", summary="Ghana summary.", live=False
    )
    index.add_child(instance=ghana)
    ghana.save_revision()
    return ghana, member_of(
        django_user_model, "Ghana editors", "ghana-editor", "ghana-editor@example.org"
    )


def notices(response):
    """The messages a page opens with: (text, the address of its button) each."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (" ".join(item.get_text(" ").split()), item.a["href"] if item.a else None)
        for item in soup.select("div.messages li")
    ]


def test_the_editor_offers_the_moderator_the_comparison_with_the_live_page(
    client, kenya, kenya_editor, moderator
):
    state = submit(client, kenya, kenya_editor, summary="A clearer summary.")
    revision = state.current_task_state.revision_id
    edit = reverse("wagtailadmin_pages:edit", args=[kenya.pk])
    client.force_login(moderator)
    link = reverse("wagtailadmin_pages:revisions_compare", args=[kenya.pk, "live", revision])
    assert (
        "This version is waiting for your review. Compare it with the live page",
        link,
    ) in notices(client.get(edit))
    html = client.get(link).content.decode()
    assert fields_shown(html) == ["Summary"] and "clearer" in html
    # The team member who sent it cannot review it: the editor says nothing of the kind.
    client.force_login(kenya_editor)
    assert not [
        text for text, _link in notices(client.get(edit)) if "waiting for your review" in text
    ]


def test_a_page_not_live_yet_is_said_to_be_all_new(client, ghana_draft, moderator):
    ghana, team = ghana_draft
    submit(client, ghana, team, summary="First words about Ghana.")
    client.force_login(moderator)
    link = reverse(
        "wagtailadmin_pages:workflow_preview", args=[ghana.pk, ghana.current_workflow_task.pk]
    )
    assert (
        "This page is waiting for your review. It is not live yet, so there is no live page "
        "to compare it with: all of it will be new to visitors. Preview all of it",
        link,
    ) in notices(client.get(reverse("wagtailadmin_pages:edit", args=[ghana.pk])))
    assert "First words about Ghana." in client.get(link).content.decode()


def test_the_review_email_links_the_comparison_with_the_live_page(
    client, kenya, kenya_editor, moderator
):
    mail.outbox.clear()
    state = submit(client, kenya, kenya_editor, summary="A clearer summary.")
    url = "http://testserver" + reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[kenya.pk, "live", state.current_task_state.revision_id],
    )
    [email] = [email for email in mail.outbox if email.to == [moderator.email]]
    assert f"Compare it with the live page: {url}" in email.body
    assert "You can preview the page here:" in email.body  # Wagtail's own lines stay


def test_the_review_email_says_a_page_not_live_yet_is_all_new(client, ghana_draft, moderator):
    ghana, team = ghana_draft
    mail.outbox.clear()
    submit(client, ghana, team)
    [email] = [email for email in mail.outbox if email.to == [moderator.email]]
    said = "This page is not live yet, so there is no live page to compare it with"
    assert said in email.body
    assert "revisions/compare" not in email.body
