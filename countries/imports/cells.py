"""What one cell of an import means. Each parser returns (value, problem): the problem is
a plain sentence, and the value is None with it."""

import re
import unicodedata
from datetime import date

from django.utils.translation import gettext as _

# Thousands separators people type or spreadsheets write: a comma, a space, the no-break
# and thin spaces, an apostrophe (Switzerland). Not a dot, which is a decimal point in
# English: "13.5" is refused rather than read as 135.
GROUPED = re.compile(r"\d{1,3}([,\u00a0\u202f\u2009 '’])\d{3}(?:\1\d{3})*")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_VALUE = 2**63 - 1  # the largest value the database keeps
MAX_SOURCE = 255


def whole_number(text):
    """A count: digits, with or without thousands separators ("13,521", "13 521")."""
    if not text:
        return None, _("The value is empty.")
    negative = text[0] in "-−"
    body = text[1:].strip() if negative else text
    if not (body.isdecimal() or GROUPED.fullmatch(body)):
        return None, _("“%(text)s” is not a whole number.") % {"text": text}
    if negative:
        return None, _("%(text)s is below zero: a count cannot be negative.") % {"text": text}
    digits = re.sub(r"\D", "", body)
    # Counted before int(): Python refuses to convert more than 4,300 digits.
    if len(digits) > len(str(MAX_VALUE)) or int(digits) > MAX_VALUE:
        return None, _("%(text)s is too large a number.") % {"text": text[:40]}
    return int(digits), None


def iso_date(text):
    if not text:
        return None, _("The date is empty.")
    if ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text), None
        except ValueError:
            pass  # 2024-02-30: the shape of a date, but no such day
    return None, _("“%(text)s” is not a date written as YYYY-MM-DD, such as 2024-06-30.") % {
        "text": text
    }


def source(text):
    if not text:
        return None, _("The source is empty. Say who published the number, or write “sample data”.")
    if len(text) > MAX_SOURCE:
        return None, _("The source is longer than %(limit)d characters.") % {"limit": MAX_SOURCE}
    return text, None


def name_key(text):
    """A name as matched: case, width and spacing do not matter."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
