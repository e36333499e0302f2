"""Geometry for the small bar charts of indicator history, drawn as inline SVG by
countries/includes/indicator.html. The table beside each chart carries the numbers."""

WIDTH, HEIGHT, GAP = 240, 72, 4


def bar_chart(values):
    """Bars for `values` (oldest first) in a WIDTH x HEIGHT box, highest bar full height.
    A zero value still gets a 1-unit bar so that its place in the series shows."""
    if not values:
        return []
    top = max(values) or 1
    width = (WIDTH - GAP * (len(values) - 1)) / len(values)
    bars = []
    for i, value in enumerate(values):
        height = max(1.0, round(value / top * (HEIGHT - 2), 1))
        bars.append(
            {
                "x": round(i * (width + GAP), 1),
                "y": round(HEIGHT - height, 1),
                "width": round(width, 1),
                "height": height,
            }
        )
    return bars
