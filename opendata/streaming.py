"""Stream rows as CSV or as a JSON array, one row at a time, so a download of 100,000
rows never holds them all in memory (docs/open-data.md)."""

import csv
import json

from django.conf import settings
from django.http import StreamingHttpResponse


class Echo:
    """A file-like object whose write returns the line, for csv.writer."""

    def write(self, value):
        return value


def licence_link():
    name, url = settings.PORTAL_OPEN_DATA_LICENCE
    return f'<{url}>; rel="license"; title="{name}"'


def csv_lines(columns, rows):
    writer = csv.writer(Echo())
    yield writer.writerow(columns)
    for row in rows:
        yield writer.writerow([row[column] for column in columns])


def json_chunks(metadata, rows):
    """`{"licence": ..., ..., "rows": [ ... ]}` written piece by piece."""
    head = json.dumps(metadata, ensure_ascii=False)
    yield head[:-1] + ', "rows": ['
    for n, row in enumerate(rows):
        yield ("," if n else "") + "\n" + json.dumps(row, ensure_ascii=False, default=str)
    yield "\n]}\n"


def streaming_response(name, fmt, columns, rows):
    name_, url = settings.PORTAL_OPEN_DATA_LICENCE
    if fmt == "csv":
        body, content_type = csv_lines(columns, rows), "text/csv; charset=utf-8"
    else:
        metadata = {"licence": {"name": name_, "url": url}, "columns": columns}
        body, content_type = json_chunks(metadata, rows), "application/json; charset=utf-8"
    response = StreamingHttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{name}.{fmt}"'
    response["Link"] = licence_link()
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={settings.PORTAL_API_CACHE_SECONDS}"
    return response
