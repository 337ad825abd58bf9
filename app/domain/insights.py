"""Insights from the log: how often, how long, how bad, what triggers and what helps."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import mean, median

from app.domain.episode import Episode

MIN_EPISODES_FOR_TOP = 3
TOP_N = 3


@dataclass(frozen=True)
class Insights:
    episodes: int
    per_month: dict[str, int]
    median_duration: timedelta | None
    average_peak: float | None
    top_triggers: tuple[tuple[str, int], ...]
    top_helped: tuple[tuple[str, int], ...]
    enough_for_top: bool

    @property
    def needed_for_top(self) -> int:
        return max(MIN_EPISODES_FOR_TOP - self.episodes, 0)


def _top(counter: Counter) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_N])


def insights(episodes: list[Episode], now: datetime) -> Insights:
    """Summaries over every episode; 'top' lists stay empty below the minimum-data rule."""
    per_month = Counter(e.start.strftime("%Y-%m") for e in episodes)
    closed = [e.duration(now) for e in episodes if e.end is not None]
    peaks = [e.peak_pain for e in episodes if e.peak_pain is not None]
    enough = len(episodes) >= MIN_EPISODES_FOR_TOP
    triggers = Counter(t for e in episodes for t in e.triggers)
    helped = Counter(h for e in episodes for h in e.helped)
    return Insights(
        episodes=len(episodes),
        per_month=dict(sorted(per_month.items())),
        median_duration=median(closed) if closed else None,
        average_peak=round(mean(peaks), 1) if peaks else None,
        top_triggers=_top(triggers) if enough else (),
        top_helped=_top(helped) if enough else (),
        enough_for_top=enough,
    )
