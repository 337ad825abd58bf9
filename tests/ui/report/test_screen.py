"""The doctor's summary on screen draws the same readable 0-10 chart as the Log: axis, values, dates."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.episode import Episode, PainReading
from app.domain.report import report
from app.ui.report.screen import _chart
from tests.ui.render import render, texts, walk

NOW = datetime(2026, 12, 3, 12, 0).astimezone()


def test_the_worst_pain_chart_has_an_axis_each_value_and_its_first_and_last_day():
    episodes = [Episode(start=NOW - timedelta(days=d), end=NOW - timedelta(days=d) + timedelta(hours=1),
                        pain=[PainReading(at=NOW - timedelta(days=d), score=s)])
                for d, s in ((20, 8), (9, 6), (2, 3))]
    shown = texts(walk(render(lambda: _chart(report("30", NOW, episodes, [], [])))))
    assert {"0", "5", "10"} <= set(shown), shown  # the axis
    assert [t for t in shown if t in {"8", "6", "3"}] == ["8", "6", "3"]  # each value, oldest first
    assert "13 Nov" in shown and "01 Dec" in shown and "Tap a bar to see its score." in shown
