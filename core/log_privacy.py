"""Log lines without personal data: email and IP addresses are masked in whatever a line
says (its message, arguments and traceback), and the task libraries' records of a failed
task keep the exception's type only.

Used by LOGGING in portal/settings/base.py; portal/observability.py masks Sentry events
with the same `mask`.
"""

import ipaddress
import logging
import re

from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

MASK = "[masked]"
# An address, written plainly or URL-encoded (a query string's %40).
EMAIL = re.compile(r"[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])")
# Candidates only: a clock time (13:45:10) looks like one; ipaddress decides.
IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")


def _ip_or_text(match):
    try:
        ipaddress.ip_address(match.group(0))
    except ValueError:
        return match.group(0)
    return MASK


def mask(text):
    text = EMAIL.sub(MASK, text)
    text = IPV4.sub(_ip_or_text, text)
    return IPV6.sub(_ip_or_text, text)


class TextFormatter(logging.Formatter):
    def format(self, record):
        record.__dict__.setdefault("request_id", "-")
        return mask(super().format(record))


class JsonFormatter(BaseJsonFormatter):
    """One JSON object a line (python-json-logger), masked like the text lines."""

    def format(self, record):
        record.__dict__.setdefault("request_id", "-")
        return mask(super().format(record))


class ExceptionTypeOnly(logging.Filter):
    """For django-tasks' loggers, which log a failed task with its traceback: an
    exception's message can quote an address (an SMTP refusal does). The task's row keeps
    the traceback; the log line says the exception's type."""

    def filter(self, record):
        if record.exc_info and record.exc_info[0] is not None:
            kind = record.exc_info[0]
            record.msg = f"{record.msg} ({kind.__module__}.{kind.__qualname__})"
            record.exc_info = record.exc_text = None
        return True
