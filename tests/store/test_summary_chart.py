"""The saved summary's pain chart: a 0-10 axis, day labels, each dot's value, and a fixed height in print."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from app.domain.episode import Episode, PainReading
from app.domain.report import report
from app.store.summary import CSS, PEAKS_HEIGHT, render

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
EPISODES = [Episode(start=NOW - timedelta(days=d), end=NOW - timedelta(days=d, hours=-1),
                    pain=[PainReading(at=NOW - timedelta(days=d), score=s)]) for d, s in ((20, 7), (5, 4))]


def chart() -> str:
    html = render(report("30", NOW, EPISODES, [], [], tz=UTC))
    return html.split('aria-label="Worst pain')[1].split("</svg>")[0]


def test_the_chart_has_an_axis_three_day_labels_and_each_value():
    svg = chart()
    assert [v for v in re.findall(r'text-anchor="end">(\d+)</text>', svg)] == ["0", "5", "10"]
    assert "03 Nov 2026" in svg and "18 Nov 2026" in svg and "03 Dec 2026" in svg
    assert "<title>13 Nov 2026: worst pain 7/10</title>" in svg
    assert "<title>28 Nov 2026: worst pain 4/10</title>" in svg


def test_the_chart_keeps_its_height_in_print_and_is_not_a_thin_strip():
    print_css = CSS.split("@media print{", 1)[1]
    assert re.search(r"svg\.wide\{height:\d+mm", print_css)
    svg = render(report("30", NOW, EPISODES, [], [], tz=UTC))
    width, height = map(int, re.search(r'class="wide" viewBox="0 0 (\d+) (\d+)"', svg).groups())
    assert height == PEAKS_HEIGHT and width / height < 5  # on a 390 px phone: over 70 px tall
