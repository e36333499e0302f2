"""Builders for the indicator import tests: countries with values and teams, people in
each role, files written as a spreadsheet program would, and the admin steps."""

import csv
import datetime
import io
import re

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from countries.models import IndicatorType, IndicatorValue
from countries.workflow import MODERATORS, moderators_group
from tests.support import countries as build

HEADER = ["country_iso", "country", "indicator", "indicator_name", "value", "date", "source"]
SOURCE = "WHO Academy, 2024"


def countries(home):
    """Kenya and Ghana under the English index (which puts them under "Country review"),
    with two indicator types and a few values each."""
    index = build.country_index(home)
    completed = build.indicator_type("etraining-completed", "E-training learners completed")
    enrolled = build.indicator_type("etraining-enrolled", "E-training learners enrolled")
    events = IndicatorType.objects.get_or_create(
        locale=completed.locale, slug="events-held", defaults={"name": "Events held"}
    )[0]
    events.kind = "per-period"
    events.save()
    kenya = build.country(index, "Kenya", "KE")
    ghana = build.country(index, "Ghana", "GH", region="afr")
    set_values(
        kenya,
        [
            (completed, "2023-06-30", 1200),
            (completed, "2024-06-30", 2400),
            (enrolled, "2024-06-30", 5000),
        ],
    )
    set_values(ghana, [(completed, "2024-06-30", 800)])
    return {
        "index": index,
        "kenya": kenya,
        "ghana": ghana,
        "completed": completed,
        "enrolled": enrolled,
        "events": events,
    }


def set_values(page, values, source=SOURCE, draft_by=None):
    """Give `page` these (type, ISO date, value) values: published, or a draft saved by
    `draft_by`."""
    page.indicator_values = [
        IndicatorValue(
            indicator=kind, date=datetime.date.fromisoformat(day), value=value, source=source
        )
        for kind, day, value in values
    ]
    if draft_by:
        page.save_revision(user=draft_by)
        return page
    return build.publish(page)


def person(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    for name in groups:
        user.groups.add(moderators_group() if name == MODERATORS else Group.objects.get(name=name))
    return user


def plain_editor(django_user_model):
    """Someone with admin access who is neither a moderator nor in a country team."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


def csv_bytes(rows, header=HEADER, delimiter=",", bom=False):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode()


def row(iso="KE", indicator="etraining-completed", value="3000", day="2024-12-31", **cells):
    """A row in HEADER order; `country`, `indicator_name` and `source` by keyword."""
    return [
        iso,
        cells.get("country", ""),
        indicator,
        cells.get("indicator_name", ""),
        value,
        day,
        cells.get("source", SOURCE),
    ]


def upload(client, data, name="values.csv"):
    return client.post(
        reverse("indicator_imports:upload"), {"file": SimpleUploadedFile(name, data)}
    )


def digest(response):
    found = re.search(r'name="digest" value="([0-9a-f]+)"', response.content.decode())
    return found.group(1) if found else None


def confirm(client, record, response_or_digest):
    value = response_or_digest
    if not isinstance(value, str):
        value = digest(value)
    return client.post(reverse("indicator_imports:confirm", args=[record.pk]), {"digest": value})


def statuses(response):
    """{row number: what happens} as the preview table says it."""
    plan = response.context["plan"]
    return {row.number: row.status for row in plan.rows}


def reasons(response, number):
    plan = response.context["plan"]
    return " ".join(next(r for r in plan.rows if r.number == number).reasons)


def values_of(page):
    """{(indicator slug, ISO date): value} of the page as stored (the live values)."""
    return {
        (value.indicator.slug, value.date.isoformat()): value.value
        for value in IndicatorValue.objects.filter(country=page).select_related("indicator")
    }


def draft_values_of(page):
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    slugs = dict(IndicatorType.objects.values_list("pk", "slug"))
    return {
        (slugs[value.indicator_id], value.date.isoformat()): value.value
        for value in draft.indicator_values.all()
    }
