"""Insights summarise the log and hold back 'top' claims below three episodes."""

from datetime import UTC, datetime, timedelta

from app.domain.episode import Episode, PainReading
from app.domain.insights import insights

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def ep(days_ago: int, hours: float | None, peak: int | None, triggers=(), helped=()):
    start = NOW - timedelta(days=days_ago)
    return Episode(
        start=start, end=start + timedelta(hours=hours) if hours is not None else None,
        pain=[PainReading(at=start, score=peak)] if peak is not None else [],
        triggers=list(triggers), helped=list(helped),
    )


def test_empty_log():
    s = insights([], NOW)
    assert s.episodes == 0 and s.median_duration is None and s.average_peak is None
    assert not s.enough_for_top and s.needed_for_top == 3


def test_two_episodes_make_no_top_claims():
    s = insights([ep(1, 2, 6, ["lifting"], ["ice-pack"]), ep(3, 4, 8, ["lifting"])], NOW)
    assert s.top_triggers == () and s.top_helped == () and s.needed_for_top == 1
    assert s.median_duration == timedelta(hours=3)
    assert s.average_peak == 7.0


def test_three_episodes_rank_triggers_and_help():
    log = [
        ep(1, 1, 5, ["lifting", "stress"], ["heat-pad"]),
        ep(2, 3, 9, ["lifting"], ["heat-pad", "short-walk"]),
        ep(40, None, None, ["stress", "lifting"], ["short-walk", "heat-pad"]),
    ]
    s = insights(log, NOW)
    assert s.top_triggers[0] == ("lifting", 3)
    assert s.top_helped[0] == ("heat-pad", 3)
    assert s.median_duration == timedelta(hours=2), "open episodes are left out of durations"
    assert sum(s.per_month.values()) == 3 and len(s.per_month) == 2
