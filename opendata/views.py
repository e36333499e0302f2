"""/open-data/<set>.<csv|json>: public downloads of the portal's figures and catalogue."""

from django.views.decorators.http import require_GET

from opendata import events, rows, targets
from opendata.streaming import streaming_response


@require_GET
def indicators(request, fmt):
    return streaming_response("indicators", fmt, rows.INDICATOR_COLUMNS, rows.indicator_rows())


@require_GET
def resources(request, fmt):
    columns = rows.resource_columns()
    return streaming_response("resources", fmt, columns, rows.resource_rows(request))


@require_GET
def events_data(request, fmt):
    columns = events.event_columns()
    return streaming_response("events", fmt, columns, events.event_rows(request))


@require_GET
def targets_data(request, fmt):
    return streaming_response("targets", fmt, targets.target_columns(), targets.target_rows())
