"""Numbers and dates in the visitor's language (core/numbers.py): `{{ total|number }}`,
`{{ share|percent }}`, `{{ deadline|long_date }}`, `{{ as_of|month }}`, and `digits`
for text that already holds numbers."""

from django import template

from core import numbers

register = template.Library()


def _unless_empty(function):
    def apply(value):
        return "" if value is None or value == "" else function(value)

    apply.__name__ = function.__name__
    return apply


register.filter("number", _unless_empty(numbers.number))
register.filter("percent", _unless_empty(numbers.percent))
register.filter("long_date", _unless_empty(numbers.long_date))
register.filter("month", _unless_empty(numbers.month))
register.filter("digits", _unless_empty(numbers.with_digits))
