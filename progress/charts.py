"""Geometry of the global-total charts on the progress page, drawn as inline SVG by
progress/includes/indicator.html; the table under each chart carries the numbers.

A running total is drawn as steps (it holds until the next report), a count per period
as a line through its points. Time runs left to right in every language, as in WHO's
charts; the y axis starts at zero and ends at a round number."""

import math

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 16, 32  # room for the axis labels
PLOT_WIDTH = WIDTH - LEFT - RIGHT
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM


def round_up(value):
    """The next round number at or above `value` (a whole number): 1, 1.5, 2, 2.5, 3,
    4, 5, 6 or 8 times a power of ten."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        top = step * power
        if value <= top and top == int(top):
            return int(top)
    return 10 * power  # not reached


def _x(date, first, days):
    if days == 0:
        return LEFT + PLOT_WIDTH / 2
    return LEFT + (date - first).days / days * PLOT_WIDTH


def _y(value, top):
    return TOP + PLOT_HEIGHT - value / top * PLOT_HEIGHT


def line_chart(points, steps):
    """`points`: [(date, total)] oldest first. Returns the path, the point markers, the
    y-axis ticks (value and height) and the first and last dates' positions."""
    if not points:
        return None
    first, last = points[0][0], points[-1][0]
    days = (last - first).days
    top = round_up(max(total for _date, total in points))
    xy = [(round(_x(d, first, days), 1), round(_y(v, top), 1)) for d, v in points]
    path = f"M{xy[0][0]} {xy[0][1]}"
    for x, y in xy[1:]:
        path += f"H{x}V{y}" if steps else f"L{x} {y}"
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "path": path,
        "markers": [{"x": x, "y": y} for x, y in xy],
        "ticks": [
            {"value": value, "y": round(_y(value, top), 1)}
            for value in (0, top // 2, top)
            if value * 2 in (0, top, 2 * top)
        ],
        "axis": {"left": LEFT, "right": LEFT + PLOT_WIDTH, "bottom": TOP + PLOT_HEIGHT},
        "labels": [
            {"date": first, "x": xy[0][0], "anchor": "start" if days else "middle"},
            *([{"date": last, "x": xy[-1][0], "anchor": "end"}] if days else []),
        ],
    }


def bar(ratio, width=240, height=16):
    """A progress bar's filled width; at most the whole bar (a target passed)."""
    filled = 0 if ratio is None else max(0.0, min(1.0, ratio)) * width
    return {"width": width, "height": height, "filled": round(filled, 1)}
