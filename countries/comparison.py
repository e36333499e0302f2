"""Inline rows compared by what they hold, for moderators' "Compare" views (issue #18).

Wagtail's `ChildRelationComparison` pairs the rows of two versions by database id, then
by likeness, and once anything in the relation changed it lists every row, a reordered
one with "Moved up 2 places". A row saved under a new id (removed and added again in the
form, saved anew by publishing) pairs with nothing and shows as removed and added.

Here rows holding the same values are the same row, whatever their id and place. The
others pair by their key, the fields that say which row is which (a value's indicator and
date), or, without a key, as Wagtail pairs them. Only added, removed and changed rows
are listed; the order of the rows is never reported.
"""

from collections import defaultdict

from wagtail.admin import compare


def _frozen(value):
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


class RowComparison(compare.ChildObjectComparison):
    def get_position_change(self):
        return None


class RowsComparison(compare.ChildRelationComparison):
    def __init__(self, field, field_comparisons, obj_a, obj_b, label="", key=()):
        super().__init__(field, field_comparisons, obj_a, obj_b, label=label)
        self.key = tuple(key)
        self._changes = None

    def get_child_comparison(self, obj_a, obj_b):
        return RowComparison(self.field.related_model, self.field_comparisons, obj_a, obj_b)

    def content(self, row):
        """What the comparison shows of a row: the values of its compared fields."""
        return tuple(_frozen(field(row, row).val_a) for field in self.field_comparisons)

    def row_key(self, row):
        return tuple(getattr(row, row._meta.get_field(name).attname) for name in self.key)

    def get_mapping(self, objs_a, objs_b):
        forwards, backwards = {}, {}

        def pair_by(value_of, rest_a, rest_b):
            waiting = defaultdict(list)
            for a in rest_a:
                waiting[value_of(objs_a[a])].append(a)
            for b in rest_b:
                if same := waiting.get(value_of(objs_b[b])):
                    a = same.pop(0)
                    forwards[a], backwards[b] = b, a

        def rest():
            return (
                [a for a in range(len(objs_a)) if a not in forwards],
                [b for b in range(len(objs_b)) if b not in backwards],
            )

        pair_by(self.content, *rest())
        if self.key:
            pair_by(self.row_key, *rest())
        else:
            rest_a, rest_b = rest()
            pairs = super().get_mapping([objs_a[a] for a in rest_a], [objs_b[b] for b in rest_b])[0]
            for a, b in pairs.items():
                forwards[rest_a[a]], backwards[rest_b[b]] = rest_b[b], rest_a[a]
        deleted, added = rest()
        return forwards, backwards, added, deleted

    def get_child_comparisons(self):
        """The added, removed and changed rows: in the new version's order, removed rows
        last; by key when the rows have one."""
        if self._changes is None:
            objs_a, objs_b = list(self.val_a.all()), list(self.val_b.all())
            _forwards, backwards, _added, deleted = self.get_mapping(objs_a, objs_b)
            comparisons = [
                self.get_child_comparison(objs_a[backwards[b]] if b in backwards else None, row)
                for b, row in enumerate(objs_b)
            ] + [self.get_child_comparison(objs_a[a], None) for a in deleted]
            self._changes = [
                c for c in comparisons if c.is_addition() or c.is_deletion() or c.has_changed()
            ]
            if self.key:
                self._changes.sort(
                    key=lambda c: [(v is None, v) for v in self.row_key(c.obj_b or c.obj_a)]
                )
        return self._changes

    def has_changed(self):
        return bool(self.get_child_comparisons())
