"""What an import would do, row by row: new, changed, unchanged or refused with the
reasons in plain words. The same plan is shown in the preview and made again at
confirmation, inside the transaction that applies it (countries/imports/apply.py).

A plan reads the countries, the indicator types, the current values and the workflow
states in a few queries, whatever the number of rows."""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date as date_type

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import WorkflowState

from countries.imports import cells
from countries.imports.current import builds_on_draft, current_values
from countries.imports.lookup import Lookup
from countries.imports.page_state import page_problem, workflow_states
from countries.indicator_checks import Entry, cumulative_drops, drop_message, future_date
from countries.models import CountryPage, IndicatorType

NEW, CHANGED, UNCHANGED, REFUSED = "new", "changed", "unchanged", "refused"
STATUSES = {
    NEW: gettext_lazy("New"),
    CHANGED: gettext_lazy("Changed"),
    UNCHANGED: gettext_lazy("Unchanged"),
    REFUSED: gettext_lazy("Refused"),
}
APPLIED = (NEW, CHANGED)
# The cells read on their own, each into the PlannedRow attribute of its name.
PARSERS = [("value", cells.whole_number), ("date", cells.iso_date), ("source", cells.source)]

# What applying does to a country's page.
PUBLISH, SUBMIT, RESUBMIT, SAVE = "publish", "submit", "resubmit", "save"
OUTCOMES = {
    PUBLISH: gettext_lazy("published"),
    SUBMIT: gettext_lazy("submitted to moderators for review"),
    RESUBMIT: gettext_lazy("sent back to moderators for review"),
    SAVE: gettext_lazy("saved as a draft"),
}


@dataclass(eq=False)
class PlannedRow:
    number: int
    cells: dict
    country: CountryPage | None = None
    indicator: IndicatorType | None = None
    date: date_type | None = None
    value: int | None = None
    source: str = ""
    current: object = None  # the IndicatorValue the row would change
    reasons: list = field(default_factory=list)
    status: str = REFUSED

    @property
    def label(self):
        return STATUSES[self.status]

    @property
    def key(self):
        if self.country and self.indicator and self.date:
            return (self.country.pk, self.indicator.pk, self.date)
        return None


@dataclass(eq=False)
class CountryPlan:
    page: CountryPage
    rows: list  # the new and changed rows
    outcome: str
    workflow_state: WorkflowState | None = None  # sent back for changes: resumed
    draft: bool = False  # built on the team's unpublished draft

    @property
    def outcome_label(self):
        return OUTCOMES[self.outcome]

    @property
    def new(self):
        return sum(row.status == NEW for row in self.rows)

    @property
    def changed(self):
        return sum(row.status == CHANGED for row in self.rows)


@dataclass(eq=False)
class Plan:
    rows: list
    countries: list
    moderator: bool

    @property
    def counts(self):
        return {status: sum(row.status == status for row in self.rows) for status in STATUSES}

    @property
    def applicable(self):
        return bool(self.countries)

    @property
    def digest(self):
        """What the person saw, as a fingerprint: the confirmation applies the plan only
        if a plan made again gives the same one."""
        decisions = [
            [
                row.number,
                row.status,
                row.key and [row.key[0], row.key[1], row.key[2].isoformat()],
                row.value,
                row.source,
                row.current and [row.current.value, row.current.source],
            ]
            for row in self.rows
        ]
        decisions.append([[c.page.pk, c.outcome] for c in self.countries])
        return hashlib.sha256(json.dumps(decisions).encode()).hexdigest()


def _read_row(row, lookup, today):
    planned = PlannedRow(row.number, row.cells)
    reasons = planned.reasons
    planned.country, text = lookup.country(row)
    if not text:
        reasons.append(_("The row names no country: fill in country_iso (such as KE) or country."))
    elif planned.country is None:
        reasons.append(
            _("No country on the portal has the code or name “%(text)s”.") % {"text": text}
        )
    planned.indicator, text = lookup.indicator(row)
    if not text:
        reasons.append(_("The row names no indicator."))
    elif planned.indicator is None:
        reasons.append(
            _("There is no indicator “%(text)s”. Use one of these: %(slugs)s.")
            % {"text": text, "slugs": ", ".join(kind.slug for kind in lookup.types)}
        )
    for name, parse in PARSERS:
        parsed, problem = parse(row.cells[name])
        setattr(planned, name, parsed)
        reasons += [problem] if problem else []
    if planned.date and (problem := future_date(Entry(planned.indicator, planned.date, 0), today)):
        reasons.append(problem)
    return planned


def _refuse_duplicates(rows):
    by_key = {}
    for row in rows:
        if row.key:
            by_key.setdefault(row.key, []).append(row)
    for same in by_key.values():
        if len(same) > 1:
            message = _(
                "Rows %(rows)s all give %(indicator)s for %(country)s on %(date)s. Keep one."
            ) % {
                "rows": ", ".join(str(row.number) for row in same),
                "indicator": same[0].indicator.name,
                "country": same[0].country.title,
                "date": date_format(same[0].date),
            }
            for row in same:
                row.reasons.append(message)


def _compare(rows, current):
    for row in rows:
        if row.reasons:
            continue
        row.current = current[row.country.pk].get((row.indicator.pk, row.date))
        if row.current is None:
            row.status = NEW
        elif (row.current.value, row.current.source) == (row.value, row.source):
            row.status = UNCHANGED
        else:
            row.status = CHANGED


def _refuse_drops(rows, current, lookup):
    """Each country's series with the file's rows merged in must not go down where it is
    a running total; the rows that make it go down are refused. Refusing a row brings
    back the value it would have replaced, so the check runs again until nothing moves."""
    by_country = {}
    for row in rows:
        if row.status in APPLIED:
            by_country.setdefault(row.country.pk, []).append(row)
    for country_pk, country_rows in by_country.items():
        while True:
            merged = {
                key: Entry(lookup.types_by_pk[key[0]], key[1], value.value, value)
                for key, value in current[country_pk].items()
                # A value of a type that is gone (a draft older than its deletion) is
                # not a running total the file can break.
                if key[0] in lookup.types_by_pk and lookup.types_by_pk[key[0]].cumulative
            }
            for row in country_rows:
                if row.status in APPLIED and row.indicator.cumulative:
                    merged[(row.indicator.pk, row.date)] = Entry(
                        row.indicator, row.date, row.value, row
                    )
            refused = False
            for before, after in cumulative_drops(merged.values()):
                for entry in (before, after):
                    if isinstance(entry.ref, PlannedRow) and entry.ref.status in APPLIED:
                        entry.ref.reasons.append(drop_message(before, after))
                        entry.ref.status = REFUSED
                        refused = True
            if not refused:
                break


def make_plan(rows, access, today=None):
    """The plan for `rows` (countries.imports.reading.Row) sent by a person of `access`."""
    lookup = Lookup(rows, access)
    planned = [_read_row(row, lookup, today) for row in rows]
    named = {row.country.pk: row.country for row in planned if row.country}
    states = workflow_states(named.values())
    problems = {
        pk: page_problem(page, access, states.get(pk))
        for pk, page in named.items()
        if access.allows(page)
    }
    yours = ", ".join(page.title for page in lookup.pages if access.allows(page))
    for row in planned:
        if row.country and not access.allows(row.country):
            row.reasons.insert(
                0,
                _("This row is for %(country)s. You may import values for %(yours)s only.")
                % {"country": row.country.title, "yours": yours},
            )
        elif row.country and problems[row.country.pk]:
            row.reasons.append(problems[row.country.pk])
    _refuse_duplicates(planned)
    open_pages = [page for pk, page in named.items() if access.allows(page) and not problems[pk]]
    current = current_values(open_pages, access)
    _compare(planned, current)
    _refuse_drops(planned, current, lookup)
    return Plan(planned, _countries(planned, access, states), access.moderator)


def _countries(rows, access, states):
    by_page = {}
    for row in rows:
        if row.status in APPLIED:
            by_page.setdefault(row.country.pk, []).append(row)
    plans = []
    for country_rows in by_page.values():
        page = country_rows[0].country
        state = states.get(page.pk)
        if access.moderator:
            outcome = PUBLISH
        elif state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            outcome = RESUBMIT
        elif page.get_workflow() is None:
            outcome = SAVE  # no review workflow on this page: the draft waits in the admin
        else:
            outcome = SUBMIT
        plans.append(
            CountryPlan(
                page,
                country_rows,
                outcome,
                workflow_state=state if outcome == RESUBMIT else None,
                draft=builds_on_draft(page, access),
            )
        )
    return sorted(plans, key=lambda plan: plan.page.title)
