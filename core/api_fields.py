"""Building blocks for the computed fields of the public API (docs/api.md)."""

from rest_framework.fields import Field


class WholePageField(Field):
    """A read-only API field computed from the whole page (source="*")."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)
