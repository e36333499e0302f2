"""Applying a plan: one revision per country, published for a moderator, submitted to
the page's review workflow for a country team. The caller holds the transaction, so a
failure anywhere leaves every country as it was."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.translation import gettext as _
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from countries.imports.plan import PUBLISH, RESUBMIT, SUBMIT
from countries.models import CountryPage, IndicatorValue


def apply_plan(plan, user):
    """Write `plan` (made in the caller's transaction); return what the log keeps, one
    entry per country."""
    return [_apply_country(country, user) for country in plan.countries]


def _apply_country(country, user):
    page = CountryPage.objects.get(pk=country.page.pk)
    previous = page.live_revision_id if country.outcome == PUBLISH else page.latest_revision_id
    if country.draft:
        page = page.get_latest_revision_as_object()  # the team's draft, other edits and all
    values = list(page.indicator_values.all())
    by_key = {(value.indicator_id, value.date): value for value in values}
    order = max((value.sort_order or 0 for value in values), default=-1) + 1
    for row in country.rows:
        value = by_key.get((row.indicator.pk, row.date))
        if value is None:
            value = IndicatorValue(indicator=row.indicator, date=row.date, sort_order=order)
            values.append(value)
            order += 1
        value.value, value.source = row.value, row.source
    page.indicator_values = values
    outcome = country.outcome
    # Saving the values saves each one, and each save would index the references of the
    # whole page again (minutes for a few hundred values): the page is indexed once after.
    with disable_reference_index_auto_update():
        if not page.live:
            page.save()  # as Wagtail's editor does: an unpublished page's row is its draft
        try:
            revision = page.save_revision(user=user, log_action=True)
        except ValidationError as error:
            raise ValidationError(_refusal(country.page, error)) from error
        if outcome == PUBLISH:
            revision.publish(user=user)
    ReferenceIndex.create_or_update_for_object(CountryPage.objects.get(pk=page.pk))
    if outcome == RESUBMIT:
        country.workflow_state.resume(user)
    elif outcome == SUBMIT:
        page.get_workflow().start(page, user)
    return {
        "page": page.pk,
        "title": country.page.title,
        "new": country.new,
        "changed": country.changed,
        "revision": revision.pk,
        "previous_revision": previous,
        "outcome": outcome,
    }


def _refusal(page, error):
    """Why a page cannot be saved (a draft may be incomplete), naming its fields."""
    if hasattr(error, "error_dict"):
        problems = "; ".join(
            f"{_field_name(name)}: {' '.join(messages)}"
            for name, messages in error.message_dict.items()
        )
    else:
        problems = " ".join(error.messages)
    return _(
        "%(country)s's page cannot be saved as it is (%(problems)s). Correct it in the editor."
    ) % {
        "country": page.title,
        "problems": problems,
    }


def _field_name(name):
    try:
        return str(CountryPage._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name
