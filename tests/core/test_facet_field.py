"""A facet's checkboxes field (core/facets.py `FacetField`) checks a value by its slug,
cleans it to the facet's Choice, and still draws its choices when a form shows them."""

import re

import pytest
from django.core.exceptions import ValidationError

from core.facets import Choice, FacetField

CHOICES = [Choice("recovery", "Recovery", 1), Choice("peer-support", "Peer support", 2)]


def test_values_are_checked_by_slug_and_cleaned_to_choices():
    field = FacetField(facet_choices=CHOICES, required=False)
    assert field.clean(["peer-support", "recovery"]) == [CHOICES[1], CHOICES[0]]
    assert field.clean([]) == []
    with pytest.raises(ValidationError) as refused:
        field.clean(["recovery", "made-up"])
    assert refused.value.code == "invalid_choice"


def test_the_widget_still_draws_every_choice():
    field = FacetField(facet_choices=CHOICES, required=False)
    html = field.widget.render("topic", ["peer-support"])
    boxes = re.findall(r"<input [^>]*>", html)
    assert len(boxes) == 2 and "Recovery" in html and "Peer support" in html
    assert [("checked" in box, 'value="peer-support"' in box) for box in boxes] == [
        (False, False),
        (True, True),
    ]
