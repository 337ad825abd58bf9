"""When to see a pharmacist or doctor: from pain, daily life, recurrences and the episode's length."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol

# Seeds: see a doctor if a spasm does not improve "within a few days" (000, 003) or "within a
# week" (004), or for severe pain that rest, ice, heat and pharmacy pain relief do not ease (003)
# or that stops normal functioning (004). NHS back pain: see a GP if it has not improved after a
# few weeks, stops day-to-day activities, is very severe or getting worse, or you are struggling.
PHARMACIST_AFTER = timedelta(days=3)
GP_AFTER = timedelta(weeks=3)
# "getting worse": the latest score is this many points above the last one logged a day or more before
WORSE_BY = 2
WORSE_OVER = timedelta(hours=24)
SEVERE = 7  # 7-10 on the 0-10 scale is severe pain
TRIED = 2  # relief steps done before "nothing eases" can be said
STOPS_ACTIVITY = 7  # PEG "interference with general activity" in the severe band (7-10)
PEG_FRESH = timedelta(days=7)
RECUR_COUNT = 3  # a third episode...
RECUR_WITHIN = timedelta(days=91)  # ...within about three months

Level = Literal["settling", "pharmacist", "gp", "gp-now"]
Reason = Literal["worse", "severe", "daily-life", "recurring", "weeks", "days", "early"]
SAFETY_NET = "If it is getting worse or you are struggling to cope, contact a doctor (GP) now."


class Reading(Protocol):
    at: datetime
    score: int


class StepDone(Protocol):
    outcome: str


class ActivityScore(Protocol):
    at: datetime
    activity: int


@dataclass(frozen=True)
class Nudge:
    level: Level
    title: str
    text: str
    reason: Reason = "early"
    sources: tuple[str, ...] = ("nhs", "seed-003")


def getting_worse(readings: Sequence[Reading]) -> bool:
    """The latest score is WORSE_BY or more above the last score logged at least a day earlier."""
    if len(readings) < 2:
        return False
    latest = max(readings, key=lambda r: r.at)
    earlier = [r for r in readings if latest.at - r.at >= WORSE_OVER]
    if not earlier:
        return False
    return latest.score - max(earlier, key=lambda r: r.at).score >= WORSE_BY


def severe_and_unrelieved(readings: Sequence[Reading], steps: Iterable[StepDone] = ()) -> bool:
    """Two or more scores, every one severe (7+), after two relief steps were done or over a day."""
    if len(readings) < 2 or any(r.score < SEVERE for r in readings):
        return False
    tried = sum(1 for s in steps if s.outcome == "done")
    ordered = sorted(readings, key=lambda r: r.at)
    return tried >= TRIED or ordered[-1].at - ordered[0].at >= WORSE_OVER


def stops_daily_activities(peg: Iterable[ActivityScore], now: datetime) -> bool:
    """The latest weekly PEG check, from the past week, puts interference with activity at 7 or more."""
    recent = [e for e in peg if timedelta(0) <= now - e.at <= PEG_FRESH]
    return bool(recent) and max(recent, key=lambda e: e.at).activity >= STOPS_ACTIVITY


def recurring(episode_starts: Iterable[datetime], now: datetime) -> int:
    """How many episodes began within the last three months (this one included, if it is in the list)."""
    return sum(1 for s in set(episode_starts) if timedelta(0) <= now - s <= RECUR_WITHIN)


def doctor_nudge(start: datetime, now: datetime, readings: Sequence[Reading] = (), *,
                 steps: Iterable[StepDone] = (), daily_life_stopped: bool = False,
                 episode_starts: Iterable[datetime] = ()) -> Nudge:
    """The nudge for an open episode, the most pressing first.

    Rising pain, then severe pain nothing eases (both: a doctor today); pain that stops daily
    activities, a third episode within a few months, three weeks or more (a GP appointment);
    a few days (a pharmacist or GP); otherwise settling.
    """
    if getting_worse(readings):
        return Nudge("gp-now", "The pain is getting worse: contact a doctor today",
                     "Your latest pain score is higher than a day ago. Call your GP or an urgent "
                     "care service today. If any SOS sign appears, call the emergency number.",
                     "worse", ("nhs",))
    if severe_and_unrelieved(readings, steps):
        return Nudge("gp-now", "Severe pain that nothing eases: get help today",
                     "Your pain has stayed at 7 or more, whatever you tried. Call your GP or an urgent "
                     "care service today. If any SOS sign appears, call the emergency number.",
                     "severe", ("nhs", "seed-003"))
    if daily_life_stopped:
        return Nudge("gp", "Pain is stopping your daily life: see a GP",
                     "When back pain keeps you from everyday things, a GP can help you get going "
                     "again. Book an appointment. " + SAFETY_NET,
                     "daily-life", ("nhs", "seed-004"))
    if recurring(episode_starts, now) >= RECUR_COUNT:
        return Nudge("gp", "A third spasm in a few months: see a GP",
                     "Back pain that keeps coming back is worth a check. A GP can also plan "
                     "exercise with you, which makes the next one less likely. " + SAFETY_NET,
                     "recurring", ("nice-ng59", "nhs"))
    age = max(now - start, timedelta(0))
    if age >= GP_AFTER:
        weeks = age.days // 7
        return Nudge("gp", f"{weeks} weeks now: book a GP appointment",
                     "Back pain that has not settled after a few weeks is worth a doctor's check. "
                     + SAFETY_NET, "weeks", ("nhs",))
    if age >= PHARMACIST_AFTER:
        return Nudge("pharmacist", "Not easing after a few days? Get advice",
                     "A pharmacist can help with pain relief, or see your GP. " + SAFETY_NET,
                     "days", ("seed-000", "seed-003", "nhs"))
    return Nudge("settling", "Most spasms ease within a few days",
                 "Keep gently active as the pain allows. " + SAFETY_NET, "early", ("nhs", "nice-ng59"))
