"""Pain charts are readable: a 0-10 axis, day labels, and each bar tells its value when tapped."""

from __future__ import annotations

from datetime import date

from app.ui.kit.score_chart import PLOT, TICKS, TOP, _y
from app.ui.log.pain_chart import day_points, day_ticks

TODAY = date(2026, 12, 3)


def test_each_day_tells_its_date_and_worst_pain():
    points = day_points([None, 7, None], TODAY)
    assert [p.said for p in points] == ["Tue 01 Dec: no score", "Wed 02 Dec: worst pain 7/10",
                                        "Thu 03 Dec: no score"]
    assert [p.score for p in points] == [None, 7, None]


def test_day_labels_run_from_the_first_day_to_today():
    assert day_ticks(30, TODAY) == ["04 Nov", "18 Nov", "Today"]
    assert day_ticks(90, TODAY)[0] == "05 Sep"


def test_the_axis_marks_0_5_and_10_from_the_bottom_up():
    assert TICKS == (0, 5, 10)
    assert (_y(0), _y(5), _y(10)) == (TOP + PLOT, TOP + PLOT / 2, TOP)
