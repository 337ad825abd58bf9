"""When to see a pharmacist or doctor, from how long an open episode has lasted and its pain scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol

# Seeds: see a doctor if a spasm does not improve "within a few days" (000, 003) or "within a
# week" (004). NHS back pain: see a GP if it has not improved after a few weeks of home treatment,
# or is getting worse, or you are struggling to cope.
PHARMACIST_AFTER = timedelta(days=3)
GP_AFTER = timedelta(weeks=3)
# "getting worse": the latest score is this many points above the last one logged a day or more before
WORSE_BY = 2
WORSE_OVER = timedelta(hours=24)

Level = Literal["settling", "pharmacist", "gp", "gp-now"]
SAFETY_NET = "If it is getting worse or you are struggling to cope, contact a doctor (GP) now."


class Reading(Protocol):
    at: datetime
    score: int


@dataclass(frozen=True)
class Nudge:
    level: Level
    title: str
    text: str


def getting_worse(readings: Sequence[Reading]) -> bool:
    """The latest score is WORSE_BY or more above the last score logged at least a day earlier."""
    if len(readings) < 2:
        return False
    latest = max(readings, key=lambda r: r.at)
    earlier = [r for r in readings if latest.at - r.at >= WORSE_OVER]
    if not earlier:
        return False
    return latest.score - max(earlier, key=lambda r: r.at).score >= WORSE_BY


def doctor_nudge(start: datetime, now: datetime, readings: Sequence[Reading] = ()) -> Nudge:
    """The nudge for an open episode: rising pain beats duration; longer episodes point further."""
    if getting_worse(readings):
        return Nudge("gp-now", "The pain is getting worse: contact a doctor today",
                     "Your latest pain score is higher than a day ago. Call your GP or an urgent "
                     "care service today. If any SOS sign appears, call the emergency number.")
    age = max(now - start, timedelta(0))
    if age >= GP_AFTER:
        weeks = age.days // 7
        return Nudge("gp", f"{weeks} weeks now: book a GP appointment",
                     "Back pain that has not settled after a few weeks is worth a doctor's check. "
                     + SAFETY_NET)
    if age >= PHARMACIST_AFTER:
        return Nudge("pharmacist", "Not easing after a few days? Get advice",
                     "A pharmacist can help with pain relief, or see your GP. " + SAFETY_NET)
    return Nudge("settling", "Most spasms ease within a few days",
                 "Keep gently active as the pain allows. " + SAFETY_NET)
