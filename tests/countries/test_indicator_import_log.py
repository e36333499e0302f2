"""Around the indicator import: the template file and the open data round trip, the
import log, and query counts that do not grow with rows, countries or imports."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from countries.models import IndicatorImport
from countries.workflow import MODERATORS
from countries.worldmap import shapes
from tests.support import countries as build
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


def read_csv(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def template_rows(client):
    response = client.get(reverse("indicator_imports:template"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    return read_csv(response.content)


# The template file and the round trip


def test_the_template_holds_the_current_values_of_the_persons_countries(
    client, tree, kenya_editor, moderator
):
    kenya, completed, enrolled = tree["kenya"], tree["completed"], tree["enrolled"]
    # A draft the team has not submitted: the template is what their import builds on.
    imp.set_values(
        kenya,
        [
            (completed, "2023-06-30", 1300),
            (completed, "2024-06-30", 2400),
            (enrolled, "2024-06-30", 5000),
        ],
        draft_by=kenya_editor,
    )
    client.force_login(kenya_editor)
    rows = template_rows(client)
    assert rows[0] == imp.HEADER
    assert rows[1:] == [
        ["KE", "Kenya", "etraining-completed", "E-training learners completed", "1300",
         "2023-06-30", imp.SOURCE],
        ["KE", "Kenya", "etraining-completed", "E-training learners completed", "2400",
         "2024-06-30", imp.SOURCE],
        ["KE", "Kenya", "etraining-enrolled", "E-training learners enrolled", "5000",
         "2024-06-30", imp.SOURCE],
    ]  # fmt: skip
    client.force_login(moderator)
    rows = template_rows(client)
    assert [row[0] for row in rows[1:]] == ["GH", "KE", "KE", "KE"]
    assert rows[2][4] == "1200"  # a moderator builds on the live page


@pytest.mark.parametrize("who", ["kenya_editor", "moderator"])
def test_the_template_imports_back_unchanged(client, tree, request, who):
    client.force_login(request.getfixturevalue(who))
    data = client.get(reverse("indicator_imports:template")).content
    response = imp.upload(client, data, name="indicator-values.csv")
    assert set(imp.statuses(response).values()) == {"unchanged"}
    assert "There is nothing to import" in response.content.decode()


def test_the_open_data_file_round_trips(client, tree, moderator):
    response = client.get("/open-data/indicators.csv")
    rows = read_csv(b"".join(response.streaming_content))
    assert rows[0] == imp.HEADER and len(rows) == 5
    edited = [row[:] for row in rows]
    changed = next(
        n for n, row in enumerate(edited) if row[:3] == ["KE", "Kenya", "etraining-enrolled"]
    )
    edited[changed][4] = "5800"
    out = io.StringIO()
    csv.writer(out).writerows(edited)
    client.force_login(moderator)
    response = imp.upload(client, out.getvalue().encode(), name="indicators.csv")
    statuses = imp.statuses(response)
    assert statuses.pop(changed + 1) == "changed"
    assert set(statuses.values()) == {"unchanged"} and len(statuses) == 3
    imp.confirm(client, IndicatorImport.objects.get(), response)
    client.logout()
    rows = read_csv(b"".join(client.get("/open-data/indicators.csv").streaming_content))
    assert rows == edited


# The log


def test_the_log_shows_a_team_member_their_imports_and_a_moderator_all(
    client, tree, kenya_editor, moderator
):
    client.force_login(kenya_editor)
    response = imp.upload(client, imp.csv_bytes([imp.row()]), name="kenya-2024.csv")
    imp.confirm(client, IndicatorImport.objects.get(), response)
    client.force_login(moderator)
    imp.upload(client, imp.csv_bytes([imp.row(iso="GH")]), name="ghana-2024.csv")

    page = client.get(reverse("indicator_imports:log")).content.decode()
    for words in ["kenya-2024.csv", "ghana-2024.csv", "kenya-editor", "Kenya: 1 new, 0 changed"]:
        assert words in page
    assert "Waiting for confirmation" in page and "Applied" in page

    client.force_login(kenya_editor)
    page = client.get(reverse("indicator_imports:log")).content.decode()
    assert "kenya-2024.csv" in page and "ghana-2024.csv" not in page
    ghana_import = IndicatorImport.objects.get(file_name="ghana-2024.csv")
    detail = reverse("indicator_imports:detail", args=[ghana_import.pk])
    assert client.get(detail).status_code == 404


def test_an_applied_import_says_what_changed_and_links_to_the_comparison(
    client, tree, kenya_editor, moderator
):
    client.force_login(kenya_editor)
    response = imp.upload(client, imp.csv_bytes([imp.row(value="3210")]))
    record = IndicatorImport.objects.get()
    response = imp.confirm(client, record, response)
    response = client.get(response["Location"])
    page = response.content.decode()
    assert "The values are imported." in page
    assert "Kenya: 1 new and 0 changed values, in one new version of the page, submitted" in page
    [change] = response.context["changes"]
    client.force_login(moderator)
    comparison = client.get(change["compare_url"])
    assert comparison.status_code == 200
    assert "3210" in comparison.content.decode().replace(",", "")
    # A moderator reads someone else's import, and cannot confirm what is not theirs.
    assert (
        "Applied on"
        in client.get(reverse("indicator_imports:detail", args=[record.pk])).content.decode()
    )


def test_someone_elses_preview_is_shown_without_its_rows(client, tree, kenya_editor, moderator):
    client.force_login(kenya_editor)
    imp.upload(client, imp.csv_bytes([imp.row()]))
    record = IndicatorImport.objects.get()
    client.force_login(moderator)
    response = client.get(reverse("indicator_imports:detail", args=[record.pk]))
    page = response.content.decode()
    assert "Only the person who sent the file can confirm it." in page
    assert 'name="digest"' not in page


# Queries


def count_queries(client, method, *args, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = method(*args, **kwargs)
    assert response.status_code == 200
    return len(queries)


def test_a_preview_reads_the_same_number_of_queries_for_5_and_50_countries(client, tree, moderator):
    codes = [code for code in sorted(shapes()["shapes"]) if code not in ("KE", "GH")][:50]
    for code in codes:
        page = build.country(tree["index"], f"Country {code}", code)
        imp.set_values(page, [(tree["completed"], "2024-06-30", 100)])
    client.force_login(moderator)
    client.get(reverse("indicator_imports:upload"))  # the admin's own caches warm

    def upload_for(some):
        rows = [imp.row(iso=code, value=str(200 + n)) for n, code in enumerate(some)]
        rows += [imp.row(iso=code, indicator="events-held", value="3") for code in some]
        return count_queries(client, imp.upload, client, imp.csv_bytes(rows))

    few, many = upload_for(codes[:5]), upload_for(codes)
    assert few == many
    detail = reverse("indicator_imports:detail", args=[IndicatorImport.objects.latest("pk").pk])
    assert count_queries(client, client.get, detail) <= few


def test_a_team_members_preview_does_not_grow_with_their_draft(client, tree, kenya_editor):
    kenya, completed = tree["kenya"], tree["completed"]
    client.force_login(kenya_editor)
    client.get(reverse("indicator_imports:upload"))

    def preview_with_draft(count):
        days = [datetime.date(2020, 1, 1) + datetime.timedelta(days=n) for n in range(count)]
        imp.set_values(
            kenya,
            [(completed, day.isoformat(), n) for n, day in enumerate(days)],
            draft_by=kenya_editor,
        )
        rows = [imp.row(value=str(n), day=day.isoformat()) for n, day in enumerate(days)]
        response = imp.upload(client, imp.csv_bytes(rows))
        assert set(imp.statuses(response).values()) == {"unchanged"}
        return count_queries(client, imp.upload, client, imp.csv_bytes(rows))

    assert preview_with_draft(5) == preview_with_draft(50)


def test_the_log_and_the_template_do_not_grow_with_imports(client, tree, moderator):
    client.force_login(moderator)

    def add_imports(count):
        for _ in range(count):
            IndicatorImport.objects.create(
                user=moderator,
                file_name="x.csv",
                file_size=10,
                status="applied",
                changes=[{"page": 1, "title": "Kenya", "new": 1, "changed": 0}],
            )

    add_imports(5)
    log = reverse("indicator_imports:log")
    few = count_queries(client, client.get, log)
    add_imports(45)
    assert count_queries(client, client.get, log) == few
    template = reverse("indicator_imports:template")
    assert count_queries(client, client.get, template) <= few
