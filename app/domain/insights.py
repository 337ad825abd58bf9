"""Insights from the log: how often, how long, how bad, when, what triggers and what helps."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
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


# Patterns need more episodes than a count does: with a handful, any weekday "leads" by chance.
MIN_EPISODES_FOR_PATTERN = 5
MIN_EPISODES_PER_STEP = 3  # a relief step is ranked once its pain change was measured in 3 episodes
BANDS = (("night", 0, 6), ("morning", 6, 12), ("afternoon", 12, 18), ("evening", 18, 24))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NOT_A_TRIGGER = frozenset({"unknown"})  # "Not sure" is noted, but ranking it would tell nobody anything


@dataclass(frozen=True)
class Pattern:
    """Episode starts counted into fixed slots (times of day, weekdays), in the slots' own order."""

    counts: tuple[tuple[str, int], ...]
    episodes: int

    @property
    def enough(self) -> bool:
        return self.episodes >= MIN_EPISODES_FOR_PATTERN

    @property
    def needed(self) -> int:
        return max(MIN_EPISODES_FOR_PATTERN - self.episodes, 0)

    @property
    def leader(self) -> str | None:
        """The slot with the most starts, named only with enough data, at least 2 starts and no tie."""
        if not self.enough:
            return None
        ranked = sorted(self.counts, key=lambda kv: -kv[1])
        top, runner_up = ranked[0], ranked[1]
        return top[0] if top[1] >= 2 and top[1] > runner_up[1] else None


def _local(e: Episode, tz: tzinfo | None) -> datetime:
    return e.start.astimezone(tz)


def time_of_day(episodes: list[Episode], tz: tzinfo | None = None) -> Pattern:
    """Starts by band of the local day: night 0-6 h, morning 6-12, afternoon 12-18, evening 18-24."""
    hours = [_local(e, tz).hour for e in episodes]
    return Pattern(tuple((name, sum(lo <= h < hi for h in hours)) for name, lo, hi in BANDS),
                   len(episodes))


def weekdays(episodes: list[Episode], tz: tzinfo | None = None) -> Pattern:
    days = Counter(_local(e, tz).weekday() for e in episodes)
    return Pattern(tuple((name, days[i]) for i, name in enumerate(WEEKDAYS)), len(episodes))


@dataclass(frozen=True)
class TriggerRank:
    trigger: str
    episodes: int  # episodes this trigger was noted before
    share: float  # of all episodes, 0..1


def trigger_ranking(episodes: list[Episode]) -> tuple[TriggerRank, ...] | None:
    """Triggers by how many episodes they preceded; None (not enough data) below the minimum."""
    if len(episodes) < MIN_EPISODES_FOR_TOP:
        return None
    counts = Counter(t for e in episodes for t in e.triggers if t not in NOT_A_TRIGGER)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(TriggerRank(t, n, round(n / len(episodes), 2)) for t, n in ranked)


@dataclass(frozen=True)
class StepEffect:
    card: str
    episodes: int  # episodes in which this step's pain was scored before and after
    median_change: float  # points on the 0-10 scale; negative means the pain went down


@dataclass(frozen=True)
class StepRanking:
    ranked: tuple[StepEffect, ...]  # steps meeting the minimum, biggest fall in pain first
    waiting: tuple[tuple[str, int], ...]  # steps measured in too few episodes yet: (card, episodes)


def step_effects(episodes: list[Episode]) -> StepRanking:
    """Guided steps done with a pain score before and after: the median change over episodes.

    Each episode counts once per step (the mean of its measured uses), so one long episode cannot
    outvote the others.
    """
    per_episode: dict[str, list[float]] = {}
    for e in episodes:
        changes: dict[str, list[int]] = {}
        for s in e.steps:
            if s.outcome == "done" and s.pain_before is not None and s.pain_after is not None:
                changes.setdefault(s.card, []).append(s.pain_after - s.pain_before)
        for card, values in changes.items():
            per_episode.setdefault(card, []).append(mean(values))
    effects = [StepEffect(card, len(v), round(float(median(v)), 1)) for card, v in per_episode.items()]
    ranked = sorted((s for s in effects if s.episodes >= MIN_EPISODES_PER_STEP),
                    key=lambda s: (s.median_change, -s.episodes, s.card))
    waiting = sorted(((s.card, s.episodes) for s in effects if s.episodes < MIN_EPISODES_PER_STEP),
                     key=lambda kv: (-kv[1], kv[0]))
    return StepRanking(tuple(ranked), tuple(waiting))
