"""The indicator import (issue #17): who may use it, the preview, and what confirming
writes: one revision per country, submitted for review by a country team, published by a
moderator; nothing before the confirmation, nothing from a refused file."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import ReferenceIndex, Revision, WorkflowState

from countries.models import IndicatorImport
from countries.workflow import MODERATORS
from tests.support import indicator_imports as imp


@pytest.fixture
def tree(portal_site):
    return imp.countries(portal_site)


@pytest.fixture
def kenya_editor(django_user_model, tree):
    return imp.person(django_user_model, "kenya-editor", "Kenya editors")


@pytest.fixture
def moderator(django_user_model, tree):
    return imp.person(django_user_model, "moderator", MODERATORS)


def revisions(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def workflow_status(page):
    state = WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-pk").first()
    return state and state.status


URLS = [
    ("indicator_imports:upload", []),
    ("indicator_imports:log", []),
    ("indicator_imports:template", []),
]


# Who may import


@pytest.mark.parametrize("name, args", URLS)
def test_anonymous_visitors_are_sent_to_sign_in(client, tree, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_an_editor_outside_every_team_is_refused(client, tree, kenya_editor, django_user_model):
    client.force_login(kenya_editor)
    imp.upload(client, imp.csv_bytes([imp.row()]))
    record = IndicatorImport.objects.get()
    client.force_login(imp.plain_editor(django_user_model))
    for name, args in [*URLS, ("indicator_imports:detail", [record.pk])]:
        assert client.get(reverse(name, args=args)).status_code == 403, name
    assert imp.upload(client, imp.csv_bytes([imp.row()])).status_code == 403
    assert imp.confirm(client, record, "x").status_code == 403
    assert IndicatorImport.objects.count() == 1


def test_the_menu_offers_the_import_to_importers_only(
    client, tree, kenya_editor, moderator, django_user_model
):
    for user, shown in [
        (kenya_editor, True),
        (moderator, True),
        (imp.plain_editor(django_user_model), False),
    ]:
        client.force_login(user)
        page = client.get(reverse("wagtailadmin_home")).content.decode()
        assert ("Import indicator values" in page) is shown, user


# A country team


def test_a_team_member_previews_then_confirms_a_draft_for_review(client, tree, kenya_editor):
    kenya = tree["kenya"]
    before = revisions(kenya)
    client.force_login(kenya_editor)
    data = imp.csv_bytes(
        [
            imp.row(value="2400", day="2024-06-30"),  # as it is
            imp.row(value="2,600", day="2024-06-30", source="WHO Academy, 2025"),
            imp.row(value="3 100", day="2024-12-31"),
        ]
    )
    response = imp.upload(client, data)
    assert response.status_code == 200
    # The file gives the same date twice: both rows are refused, the third is new.
    assert imp.statuses(response) == {2: "refused", 3: "refused", 4: "new"}
    assert "Keep one" in imp.reasons(response, 2)

    response = imp.upload(
        client,
        imp.csv_bytes(
            [
                imp.row(value="2400", day="2024-06-30"),
                imp.row(indicator="etraining-enrolled", value="5,500", day="2024-06-30"),
                imp.row(value="3 100", day="2024-12-31"),
            ]
        ),
    )
    assert imp.statuses(response) == {2: "unchanged", 3: "changed", 4: "new"}
    page = response.content.decode()
    assert "Confirm: import and submit for review" in page
    assert "Was 5,000." in page
    # Nothing is written before the confirmation.
    assert revisions(kenya) == before
    assert imp.values_of(kenya)[("etraining-enrolled", "2024-06-30")] == 5000

    record = IndicatorImport.objects.latest("pk")
    response = imp.confirm(client, record, response)
    assert response.status_code == 302
    assert revisions(kenya) == before + 1
    assert workflow_status(kenya) == "in_progress"
    # Submitted, not published: the public values stay until a moderator approves.
    assert imp.values_of(kenya)[("etraining-enrolled", "2024-06-30")] == 5000
    draft = imp.draft_values_of(kenya)
    assert draft[("etraining-enrolled", "2024-06-30")] == 5500
    assert draft[("etraining-completed", "2024-12-31")] == 3100
    assert draft[("etraining-completed", "2023-06-30")] == 1200
    record.refresh_from_db()
    assert record.status == "applied" and record.applied_at
    [change] = record.changes
    assert change["title"] == "Kenya" and (change["new"], change["changed"]) == (1, 1)
    assert change["outcome"] == "submit"
    assert change["revision"] == kenya.get_latest_revision().pk
    assert record.counts == {"new": 1, "changed": 1, "unchanged": 1, "refused": 0}


def test_another_countrys_rows_are_refused_for_a_team_member(client, tree, kenya_editor):
    ghana = tree["ghana"]
    before = revisions(ghana)
    client.force_login(kenya_editor)
    response = imp.upload(
        client,
        imp.csv_bytes([imp.row(value="3000"), imp.row(iso="GH", value="900")]),
    )
    assert imp.statuses(response) == {2: "new", 3: "refused"}
    assert imp.reasons(response, 3) == (
        "This row is for Ghana. You may import values for Kenya only."
    )
    record = IndicatorImport.objects.get()
    imp.confirm(client, record, response)
    assert revisions(ghana) == before and workflow_status(ghana) is None
    assert imp.draft_values_of(ghana) == {("etraining-completed", "2024-06-30"): 800}
    assert IndicatorImport.objects.get().changes[0]["title"] == "Kenya"


def test_a_team_member_imports_onto_their_draft(client, tree, kenya_editor):
    kenya = tree["kenya"]
    kenya.summary = "A clearer summary, not yet submitted."
    kenya.save_revision(user=kenya_editor)
    client.force_login(kenya_editor)
    response = imp.upload(client, imp.csv_bytes([imp.row(value="2500", day="2024-06-30")]))
    assert imp.statuses(response) == {2: "changed"}
    assert "other changes that are not published yet" in response.content.decode()
    imp.confirm(client, IndicatorImport.objects.get(), response)
    latest = kenya.get_latest_revision().as_object()
    assert latest.summary == "A clearer summary, not yet submitted."
    assert imp.draft_values_of(kenya)[("etraining-completed", "2024-06-30")] == 2500


def test_a_draft_that_cannot_be_saved_stops_the_whole_import(client, tree, kenya_editor):
    kenya = tree["kenya"]
    kenya.summary = ""  # a draft may be incomplete; a submission may not
    kenya.save_revision(user=kenya_editor, clean=False)
    before = revisions(kenya)
    client.force_login(kenya_editor)
    response = imp.upload(client, imp.csv_bytes([imp.row()]))
    response = imp.confirm(client, IndicatorImport.objects.get(), response)
    assert response.status_code == 400
    assert "Nothing was imported. Kenya&#x27;s page cannot be saved as it is (summary:" in (
        response.content.decode()
    )
    assert revisions(kenya) == before and workflow_status(kenya) is None
    assert IndicatorImport.objects.get().status == "previewed"


def test_a_page_waiting_for_review_is_not_changed_by_its_team(client, tree, kenya_editor):
    kenya = tree["kenya"]
    kenya.save_revision(user=kenya_editor)
    kenya.get_workflow().start(kenya, kenya_editor)
    client.force_login(kenya_editor)
    response = imp.upload(client, imp.csv_bytes([imp.row()]))
    assert imp.statuses(response) == {2: "refused"}
    assert "waiting for review by a moderator" in imp.reasons(response, 2)
    assert not IndicatorImport.objects.exists()


def test_a_page_locked_by_someone_else_is_left_alone(client, tree, kenya_editor, moderator):
    kenya = tree["kenya"]
    kenya.locked, kenya.locked_by = True, moderator
    kenya.save(update_fields=["locked", "locked_by"])
    client.force_login(kenya_editor)
    response = imp.upload(client, imp.csv_bytes([imp.row()]))
    assert imp.reasons(response, 2) == (
        "Kenya's page is locked by moderator. Import again once it is unlocked."
    )


def test_a_page_sent_back_for_changes_goes_back_to_review(client, tree, kenya_editor, moderator):
    kenya = tree["kenya"]
    kenya.save_revision(user=kenya_editor)
    state = kenya.get_workflow().start(kenya, kenya_editor)
    state.current_task_state.task.specific.on_action(state.current_task_state, moderator, "reject")
    state.refresh_from_db()
    assert state.status == "needs_changes"
    client.force_login(kenya_editor)
    response = imp.upload(client, imp.csv_bytes([imp.row()]))
    assert "sent back to moderators for review" in response.content.decode()
    imp.confirm(client, IndicatorImport.objects.get(), response)
    state.refresh_from_db()
    kenya.refresh_from_db()
    assert state.status == "in_progress"
    assert state.current_task_state.revision == kenya.get_latest_revision()


# A moderator


def test_a_moderator_publishes_one_revision_per_country(client, tree, moderator):
    kenya, ghana = tree["kenya"], tree["ghana"]
    before = {page.pk: revisions(page) for page in (kenya, ghana)}
    client.force_login(moderator)
    response = imp.upload(
        client,
        imp.csv_bytes(
            [
                imp.row(value="3000"),
                imp.row(indicator="etraining-enrolled", value="6000"),
                imp.row(iso="GH", value="1,000"),
                imp.row(iso="", country="ghana", indicator="events-held", value="4"),
            ]
        ),
    )
    assert set(imp.statuses(response).values()) == {"new"}
    assert "Confirm: import and publish" in response.content.decode()
    imp.confirm(client, IndicatorImport.objects.get(), response)
    for page in (kenya, ghana):
        page.refresh_from_db()
        assert revisions(page) == before[page.pk] + 1
        assert page.live_revision == page.get_latest_revision()
        assert not page.has_unpublished_changes
        assert workflow_status(page) is None
    assert imp.values_of(kenya)[("etraining-enrolled", "2024-12-31")] == 6000
    assert imp.values_of(ghana) == {
        ("etraining-completed", "2024-06-30"): 800,
        ("etraining-completed", "2024-12-31"): 1000,
        ("events-held", "2024-12-31"): 4,
    }
    changes = {c["title"]: c for c in IndicatorImport.objects.get().changes}
    assert changes["Ghana"]["new"] == 2 and changes["Kenya"]["outcome"] == "publish"
    # "Where is this indicator used?" knows about the new value, indexed once per page.
    usage = ReferenceIndex.get_references_to(tree["events"]).values_list("object_id", flat=True)
    assert str(ghana.pk) in set(usage)


def test_a_moderator_does_not_publish_a_page_waiting_for_review(
    client, tree, kenya_editor, moderator
):
    kenya = tree["kenya"]
    kenya.summary = "Submitted by the team."
    kenya.save_revision(user=kenya_editor)
    kenya.get_workflow().start(kenya, kenya_editor)
    client.force_login(moderator)
    response = imp.upload(client, imp.csv_bytes([imp.row(), imp.row(iso="GH")]))
    assert imp.statuses(response) == {2: "refused", 3: "new"}
    assert "has changes waiting for review" in imp.reasons(response, 2)
    imp.confirm(client, IndicatorImport.objects.get(), response)
    kenya.refresh_from_db()
    assert kenya.summary == "Kenya summary."  # the team's submission is not published
    assert workflow_status(kenya) == "in_progress"


def test_a_moderator_does_not_leave_a_draft_behind(client, tree, kenya_editor, moderator):
    kenya = tree["kenya"]
    kenya.save_revision(user=kenya_editor)
    client.force_login(moderator)
    response = imp.upload(client, imp.csv_bytes([imp.row()]))
    assert "has a draft that is not published" in imp.reasons(response, 2)


# The confirmation


def test_only_the_person_who_sent_the_file_confirms_it(client, tree, kenya_editor, moderator):
    client.force_login(kenya_editor)
    response = imp.upload(client, imp.csv_bytes([imp.row()]))
    record = IndicatorImport.objects.get()
    client.force_login(moderator)
    assert imp.confirm(client, record, response).status_code == 403
    record.refresh_from_db()
    assert record.status == "previewed"
    assert workflow_status(tree["kenya"]) is None


def test_a_preview_that_no_longer_holds_is_shown_again(client, tree, moderator):
    kenya = tree["kenya"]
    client.force_login(moderator)
    response = imp.upload(client, imp.csv_bytes([imp.row(value="2500", day="2024-06-30")]))
    assert imp.statuses(response) == {2: "changed"}
    shown = imp.digest(response)
    # Someone publishes that very value meanwhile.
    imp.set_values(
        kenya, [(tree["completed"], "2024-06-30", 2500), (tree["enrolled"], "2024-06-30", 5000)]
    )
    published = revisions(kenya)
    record = IndicatorImport.objects.get()
    response = imp.confirm(client, record, shown)
    assert response.status_code == 409
    assert "changed since you read this preview" in response.content.decode()
    assert imp.statuses(response) == {2: "unchanged"}
    assert revisions(kenya) == published
    record.refresh_from_db()
    assert record.status == "previewed"


def test_a_stale_preview_confirmed_again_applies_the_new_plan(client, tree, moderator):
    kenya = tree["kenya"]
    client.force_login(moderator)
    response = imp.upload(
        client, imp.csv_bytes([imp.row(value="2500", day="2024-06-30"), imp.row(value="3000")])
    )
    imp.set_values(kenya, [(tree["completed"], "2024-06-30", 2500)])
    record = IndicatorImport.objects.get()
    response = imp.confirm(client, record, response)
    assert response.status_code == 409
    assert imp.confirm(client, record, response).status_code == 302
    assert imp.values_of(kenya)[("etraining-completed", "2024-12-31")] == 3000
    assert IndicatorImport.objects.get().changes[0]["new"] == 1


def test_a_day_old_preview_cannot_be_confirmed(client, tree, kenya_editor):
    client.force_login(kenya_editor)
    response = imp.upload(client, imp.csv_bytes([imp.row()]))
    record = IndicatorImport.objects.get()
    IndicatorImport.objects.filter(pk=record.pk).update(
        created_at=record.created_at - datetime.timedelta(days=1, seconds=1)
    )
    response = imp.confirm(client, record, response)
    assert response.status_code == 400
    assert "more than a day old" in response.content.decode()
    assert workflow_status(tree["kenya"]) is None
    response = client.get(reverse("indicator_imports:detail", args=[record.pk]))
    assert "not confirmed within a day" in response.content.decode()


def test_a_file_with_nothing_to_apply_writes_nothing(client, tree, moderator):
    before = Revision.objects.count()
    client.force_login(moderator)
    response = imp.upload(
        client,
        imp.csv_bytes(
            [imp.row(value="2400", day="2024-06-30"), imp.row(iso="XX"), imp.row(value="-4")]
        ),
    )
    assert response.status_code == 200
    assert imp.statuses(response) == {2: "unchanged", 3: "refused", 4: "refused"}
    page = response.content.decode()
    assert "There is nothing to import" in page
    assert imp.digest(response) is None
    assert not IndicatorImport.objects.exists()
    assert Revision.objects.count() == before


def test_confirming_twice_applies_once(client, tree, moderator):
    client.force_login(moderator)
    response = imp.upload(client, imp.csv_bytes([imp.row()]))
    record = IndicatorImport.objects.get()
    imp.confirm(client, record, response)
    count = revisions(tree["kenya"])
    response = imp.confirm(client, record, response)
    assert response.status_code == 302
    assert revisions(tree["kenya"]) == count
