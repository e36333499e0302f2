"""Numbers, percentages and dates written the way each portal language writes them.

Babel (CLDR data) gives the grouping, the decimal sign and the percent pattern of each
locale ("69,800", "69 800", "69.800", "%23" in Turkish, "12,34,567" in Bengali). It does
not change the digits themselves: its `numbering_system` argument only picks that
system's symbols. So the digits are translated here, for the numbering systems our
languages use. Arabic is written with Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩) and the "arab"
symbols (٬ for thousands, ٪ for percent), as WHO's Arabic publications do, although
recent CLDR makes Latin digits the default for `ar`; every other language follows its
CLDR default (Bengali and Nepali digits for `bn` and `ne`, Latin digits elsewhere).

English follows British usage ("31 December 2024"), WHO's house style.
"""

import copy
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal, format_percent

from core.i18n import active_language

# Portal language code -> Babel locale, where they differ.
BABEL_LOCALES = {"en": "en_GB", "zh-hans": "zh_Hans"}
# Numbering systems chosen over CLDR's default for a language (see above).
NUMBERING_SYSTEMS = {"ar": "arab"}
# The digits of the numbering systems the portal's languages use (CLDR
# numberingSystems.xml); Latin digits are the ones Babel writes.
DIGITS = {
    "arab": "٠١٢٣٤٥٦٧٨٩",
    "beng": "০১২৩৪৫৬৭৮৯",
    "deva": "०१२३४५६७८९",
}


@cache
def locale(code):
    try:
        return Locale.parse(BABEL_LOCALES.get(code, code))
    except (ValueError, UnknownLocaleError):  # not a portal language: English
        return Locale.parse(BABEL_LOCALES["en"])


@cache
def numbering_system(code):
    return NUMBERING_SYSTEMS.get(code) or locale(code).default_numbering_system


@cache
def _digit_table(code):
    digits = DIGITS.get(numbering_system(code))
    return str.maketrans("0123456789", digits) if digits else {}


def with_digits(text, code=None):
    """`text` with its Latin digits written in the language's own digits."""
    return str(text).translate(_digit_table(code or active_language()))


def number(value, code=None):
    """A whole or decimal number: "69,800" (en), "٦٩٬٨٠٠" (ar), "69 800" (fr)."""
    code = code or active_language()
    system = numbering_system(code)
    return with_digits(format_decimal(value, locale=locale(code), numbering_system=system), code)


@cache
def _percent_pattern(code):
    """The locale's percent pattern with at most one decimal: "2.3%", "40%"."""
    pattern = copy.copy(locale(code).percent_formats[None])
    pattern.frac_prec = (0, 1)
    return pattern


def percent(ratio, code=None):
    """`ratio` (0.023) as a percentage in the language's pattern and sign: "2.3%" (en),
    "%2,3" (tr), "٢٫٣٪؜" (ar). Babel writes the pattern's "%"; the locale's own sign
    (with its direction marks) replaces it."""
    code = code or active_language()
    system = numbering_system(code)
    text = format_percent(
        ratio, format=_percent_pattern(code), locale=locale(code), numbering_system=system
    )
    sign = locale(code).number_symbols[system].get("percentSign", "%")
    return with_digits(text.replace("%", sign), code)


def long_date(value, code=None):
    """A full date: "31 December 2024", "٣١ ديسمبر ٢٠٢٤"."""
    code = code or active_language()
    return with_digits(format_date(value, "long", locale=locale(code)), code)


def month(value, code=None):
    """A month and year: "December 2024"."""
    code = code or active_language()
    return with_digits(format_skeleton("yMMMM", value, locale=locale(code)), code)
