"""Numbers, percentages and dates in each portal language (core/numbers.py)."""

import datetime

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from core import numbers

DEADLINE = datetime.date(2024, 12, 31)


@pytest.mark.parametrize(
    "code, value, share",
    [
        ("en", "69,800", "2.3%"),
        ("ar", "٦٩٬٨٠٠", "٢٫٣٪\u061c"),  # Arabic-Indic digits and the "arab" symbols
        ("fr", "69\u202f800", "2,3\u00a0%"),
        ("tr", "69.800", "%2,3"),  # the sign before the number
        ("es", "69.800", "2,3\u00a0%"),
        ("bn", "৬৯,৮০০", "২.৩%"),  # CLDR's default: Bengali digits
        ("ne", "६९,८००", "२.३%"),
        ("zh-hans", "69,800", "2.3%"),
        ("ru", "69\u00a0800", "2,3\u00a0%"),
    ],
)
def test_grouping_digits_and_percent_follow_the_language(code, value, share):
    assert numbers.number(69_800, code) == value
    assert numbers.percent(0.023, code) == share


def test_indian_grouping_in_bengali_and_nepali():
    assert numbers.number(1_234_567, "bn") == "১২,৩৪,৫৬৭"
    assert numbers.number(1_234_567, "en") == "1,234,567"


def test_percentages_keep_at_most_one_decimal():
    assert numbers.percent(0.4, "en") == "40%"
    assert numbers.percent(0.19372, "en") == "19.4%"
    assert numbers.percent(1.12, "en") == "112%"
    assert numbers.percent(0, "ar") == "٠٪\u061c"


def test_dates_in_the_language_with_its_digits():
    assert numbers.long_date(DEADLINE, "en") == "31 December 2024"  # WHO: British usage
    assert numbers.long_date(DEADLINE, "ar") == "٣١ ديسمبر ٢٠٢٤"
    assert numbers.long_date(DEADLINE, "fr") == "31 décembre 2024"
    assert numbers.month(DEADLINE, "en") == "December 2024"
    assert numbers.month(DEADLINE, "ar") == "ديسمبر ٢٠٢٤"
    assert numbers.month(DEADLINE, "pl") == "grudzień 2024"  # the month on its own


def test_every_portal_language_has_a_locale_and_known_digits():
    for code, _name in settings.LANGUAGES:
        system = numbers.numbering_system(code)
        assert system == "latn" or system in numbers.DIGITS, (code, system)
        assert numbers.number(1234, code)
        assert numbers.long_date(DEADLINE, code)


def test_an_unknown_language_falls_back_to_english():
    assert numbers.number(1234, "xx") == "1,234"


def test_the_filters_use_the_active_language_and_skip_empty_values():
    template = Template(
        "{% load number_tags %}{{ n|number }}|{{ r|percent }}|{{ d|long_date }}|{{ d|month }}"
        "|{{ missing|number }}|{{ text|digits }}"
    )
    context = Context({"n": 5_000_000, "r": 0.5, "d": DEADLINE, "missing": None, "text": "2024"})
    with translation.override("ar"):
        assert template.render(context) == ("٥٬٠٠٠٬٠٠٠|٥٠٪\u061c|٣١ ديسمبر ٢٠٢٤|ديسمبر ٢٠٢٤||٢٠٢٤")
    with translation.override("en"):
        assert template.render(context) == "5,000,000|50%|31 December 2024|December 2024||2024"
