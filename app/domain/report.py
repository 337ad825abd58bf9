"""The figures of the "For your doctor" summary for a period: 30 days, 90 days or everything logged."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import cache
from statistics import median
from typing import Literal

from app.content.loader import library
from app.domain.episode import Episode
from app.domain.insights import (
    MIN_EPISODES_FOR_TOP,
    StepRanking,
    TriggerRank,
    step_effects,
    trigger_ranking,
)
from app.domain.peg import PegTrend, trend
from app.domain.records import PegEntry, SosCheck
from app.domain.words import duration as human_duration  # noqa: F401 - the report's name for it

PeriodKey = Literal["30", "90", "all"]
PERIODS: dict[PeriodKey, str] = {"30": "Last 30 days", "90": "Last 90 days", "all": "Everything logged"}
_DAYS = {"30": 30, "90": 90}
TOP_TRIGGERS = 5
OUTCOMES = {"emergency": "emergency", "urgent": "urgent", "soon": "see a GP soon", "self-care": "none"}


@cache
def _names() -> dict[str, str]:
    lib = library()
    return ({t.id: t.label for t in lib.triggers} | {c: card.title for c, card in lib.cards_by_id().items()}
            | {f.id: f.label for f in lib.red_flags})


def label(item_id: str) -> str:
    """The words the app shows for a trigger, card or red-flag id."""
    return _names().get(item_id, item_id)


@dataclass(frozen=True)
class CheckLine:
    at: datetime
    outcome: Literal["emergency", "urgent", "none"]
    signs: tuple[str, ...]  # the ticked signs, in the app's words


@dataclass(frozen=True)
class OpenEpisode:
    start: datetime
    open_for: timedelta


@dataclass(frozen=True)
class Report:
    period: PeriodKey
    start: datetime
    end: datetime
    episodes: int
    median_duration: timedelta | None  # ended episodes only
    longest: timedelta | None
    peaks: tuple[tuple[datetime, int], ...]  # (start, worst pain) per scored episode, oldest first
    per_month: tuple[tuple[str, int], ...]  # ("2026-09", n) for every month of the period
    open_episode: OpenEpisode | None
    checks: tuple[CheckLine, ...]  # newest first
    steps: StepRanking
    triggers: tuple[TriggerRank, ...] | None  # None: too few episodes to rank
    helped: tuple[tuple[str, int], ...]  # cards marked as helping, with how many episodes
    tried: tuple[tuple[str, int], ...]  # the person's own words on what they took or tried
    notes: tuple[tuple[datetime, str], ...]  # newest first
    peg: PegTrend

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        return self.end.date()

    @property
    def file_name(self) -> str:
        return f"spasm-sos-summary-{self.first_day:%Y-%m-%d}-to-{self.last_day:%Y-%m-%d}.html"

    @property
    def outcome_counts(self) -> dict[str, int]:
        counts = Counter(c.outcome for c in self.checks)
        return {o: counts[o] for o in ("emergency", "urgent", "none")}

    @property
    def scored(self) -> int:
        return len(self.peaks)

    @property
    def needed_for_triggers(self) -> int:
        return max(MIN_EPISODES_FOR_TOP - self.episodes, 0)


def period_start(key: PeriodKey, now: datetime, episodes: list[Episode], checks: list[SosCheck],
                 pegs: list[PegEntry]) -> datetime:
    """The first moment the period covers; 'all' begins at the oldest thing logged (or now)."""
    if key in _DAYS:
        return now - timedelta(days=_DAYS[key])
    times = [e.start for e in episodes] + [c.at for c in checks] + [p.at for p in pegs]
    return min(times, default=now).astimezone(now.tzinfo)


def _months(start: datetime, end: datetime) -> list[str]:
    months, (y, m) = [], (start.year, start.month)
    while (y, m) <= (end.year, end.month):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def _tried(episodes: list[Episode]) -> tuple[tuple[str, int], ...]:
    """What they took or tried in their own words (logged entries and notes on what helped), the same
    words counted once whatever their case, with what they said of its effect; most often first."""
    seen: dict[str, list] = {}
    effects: dict[str, Counter] = {}
    for e in sorted(episodes, key=lambda e: e.start, reverse=True):
        said = [(" ".join(e.helped_note.split()), None)] + [(t.what, t.effect) for t in e.taken]
        for text, effect in said:
            if text:
                seen.setdefault(text.casefold(), [text, 0])[1] += 1
                effects.setdefault(text.casefold(), Counter())[effect] += bool(effect)

    def shown(text: str) -> str:
        counted = effects[text.casefold()]
        told = [f"{effect} {counted[effect]}" for effect in ("better", "same", "worse") if counted[effect]]
        return f"{text} ({', '.join(told)})" if told else text

    return tuple((shown(t), n) for t, n in sorted(seen.values(), key=lambda tn: -tn[1]))


def report(key: PeriodKey, now: datetime, episodes: list[Episode], checks: list[SosCheck],
           pegs: list[PegEntry], tz: tzinfo | None = None) -> Report:
    """Every figure of the summary, for episodes that began and checks made within the period."""
    now = now.astimezone(tz)
    start = period_start(key, now, episodes, checks, pegs)
    inside = sorted((e for e in episodes if start <= e.start <= now), key=lambda e: (e.start, e.id))
    ended = [e.duration(now) for e in inside if e.end is not None]
    local = [e.start.astimezone(tz) for e in inside]
    per_month = Counter(f"{t:%Y-%m}" for t in local)
    open_ = max((e for e in episodes if e.is_open and e.start <= now), key=lambda e: e.start, default=None)
    in_checks = sorted((c for c in checks if start <= c.at <= now), key=lambda c: c.at, reverse=True)
    helped = Counter(h for e in inside for h in e.helped)
    return Report(
        period=key, start=start, end=now, episodes=len(inside),
        median_duration=median(ended) if ended else None,
        longest=max(ended) if ended else None,
        peaks=tuple((t, e.peak_pain) for t, e in zip(local, inside, strict=True) if e.peak_pain is not None),
        per_month=tuple((m, per_month[m]) for m in _months(start, now)),
        open_episode=OpenEpisode(open_.start.astimezone(tz), now - open_.start) if open_ else None,
        checks=tuple(CheckLine(c.at.astimezone(tz), OUTCOMES[c.tier], tuple(label(f) for f in c.flags))
                     for c in in_checks),
        steps=step_effects(inside),
        triggers=(ranked[:TOP_TRIGGERS] if (ranked := trigger_ranking(inside)) is not None else None),
        helped=tuple(sorted(helped.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TRIGGERS]),
        tried=_tried(inside),
        notes=tuple((e.start.astimezone(tz), e.notes.strip()) for e in reversed(inside) if e.notes.strip()),
        peg=trend(pegs, start, now),
    )
