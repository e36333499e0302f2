"""The chart geometry and the map's bins (progress/charts.py, progress/maps.py)."""

import datetime

from progress import charts, maps

D = datetime.date


def test_the_y_axis_ends_at_a_round_number():
    assert [charts.round_up(v) for v in (0, 1, 7, 11, 26, 69_800, 5_000_000)] == [
        1,
        1,
        8,
        15,
        30,
        80_000,
        5_000_000,
    ]


def test_a_running_total_is_drawn_as_steps_and_a_count_per_period_as_a_line():
    points = [(D(2022, 12, 31), 10), (D(2023, 12, 31), 30), (D(2024, 12, 31), 35)]
    steps = charts.line_chart(points, steps=True)
    line = charts.line_chart(points, steps=False)
    assert steps["path"].count("H") == 2 and steps["path"].count("V") == 2
    assert line["path"].count("L") == 2
    # Time runs from the left edge of the plot to its right edge.
    assert steps["markers"][0]["x"] == charts.LEFT
    assert steps["markers"][-1]["x"] == charts.WIDTH - charts.RIGHT
    assert [tick["value"] for tick in steps["ticks"]] == [0, 20, 40]
    assert [label["date"] for label in steps["labels"]] == [D(2022, 12, 31), D(2024, 12, 31)]


def test_a_single_point_sits_in_the_middle():
    chart = charts.line_chart([(D(2024, 6, 30), 5)], steps=True)
    assert chart["markers"][0]["x"] == charts.LEFT + charts.PLOT_WIDTH / 2
    assert len(chart["labels"]) == 1
    assert charts.line_chart([], steps=True) is None


def test_a_bar_never_runs_past_its_end():
    assert charts.bar(0.023)["filled"] == 5.5
    assert charts.bar(1.4)["filled"] == 240
    assert charts.bar(None)["filled"] == 0


def test_bins_split_the_values_in_about_equal_groups_with_round_limits():
    bins = maps.make_bins([13_521, 5_230, 900, 20_000, 45_000, 120, 0])
    assert [(b.low, b.high, b.countries) for b in bins] == [
        (None, 120, 2),
        (120, 5_300, 2),
        (5_300, 20_000, 2),
        (20_000, None, 1),
    ]
    assert bins[1].start == 121


def test_few_values_make_few_bins():
    assert maps.make_bins([]) == []
    [only] = maps.make_bins([7, 7, 7])
    assert (only.low, only.high, only.countries, only.smallest, only.largest) == (
        None,
        None,
        3,
        7,
        7,
    )
    assert len(maps.make_bins([5, 100])) == 2
