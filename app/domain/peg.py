"""The weekly PEG check: when to offer it, its three questions, and its trend with 30% changes called out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from app.domain.episode import Episode
from app.domain.records import PegEntry

SOURCE = ("PEG scale: Krebs EE, Lorenz KA, Bair MJ et al. Development and initial validation of the PEG, "
          "a three-item scale assessing pain intensity and interference. J Gen Intern Med 2009;24(6):733-8.")
SHORT_SOURCE = "PEG scale (Krebs EE et al., J Gen Intern Med 2009)"  # for the clinician's screens
PLAIN_SOURCE = "Based on: a short pain scale used in research and by doctors (PEG)"
CHANGE_SOURCE = ("A change of 30% or more is taken as meaningful (IMMPACT: Dworkin RH et al., "
                 "J Pain 2008;9(2):105-21).")
WEEK = timedelta(days=7)
GUIDE_RECENT = timedelta(hours=1)  # a guided step this recent means the person is still in the guide
MEANINGFUL = 0.30

# The instrument's own questions (asking them in other words would make the scores incomparable).
QUESTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("pain", "What number best describes your pain on average in the past week?",
     "0 no pain", "10 as bad as you can imagine"),
    ("enjoyment", "What number best describes how, during the past week, pain has interfered "
     "with your enjoyment of life?", "0 does not interfere", "10 completely interferes"),
    ("activity", "What number best describes how, during the past week, pain has interfered "
     "with your general activity?", "0 does not interfere", "10 completely interferes"),
)


def in_guide(active: Episode | None, now: datetime) -> bool:
    """An open episode with a guided step in the last hour: the person is still being guided."""
    return active is not None and active.is_open and any(now - s.at <= GUIDE_RECENT for s in active.steps)


def next_due(pegs: list[PegEntry]) -> datetime | None:
    """When the next check may be offered; None when none was ever answered (offer it now)."""
    return max(p.at for p in pegs) + WEEK if pegs else None


def due(pegs: list[PegEntry], now: datetime, guiding: bool, first_episode: datetime | None = None,
        episode_open: bool = False) -> bool:
    """Offered at most once a week, never while the guided flow runs or an episode is open, and only
    once the person has logged an episode at least a week ago (nothing to ask a brand-new user)."""
    if guiding or episode_open or first_episode is None or now - first_episode < WEEK:
        return False
    when = next_due(pegs)
    return when is None or now >= when


@dataclass(frozen=True)
class PegTrend:
    entries: tuple[PegEntry, ...]  # oldest first
    change: float | None  # (latest - first) / first; None with fewer than 2 scores or a first score of 0

    @property
    def first(self) -> float | None:
        return self.entries[0].score if self.entries else None

    @property
    def latest(self) -> float | None:
        return self.entries[-1].score if self.entries else None

    @property
    def called_out(self) -> Literal["better", "worse"] | None:
        """A fall of 30% or more is better (lower PEG), a rise of 30% or more worse."""
        if self.change is None:
            return None
        if self.change <= -MEANINGFUL:
            return "better"
        return "worse" if self.change >= MEANINGFUL else None

    @property
    def percent(self) -> int | None:
        return None if self.change is None else round(self.change * 100)


def trend(pegs: list[PegEntry], since: datetime | None, until: datetime) -> PegTrend:
    """The answers in the period, and the change from the first to the latest of them."""
    entries = tuple(sorted((p for p in pegs if (since is None or p.at >= since) and p.at <= until),
                           key=lambda p: p.at))
    change = None
    if len(entries) >= 2 and entries[0].score > 0:
        change = round((entries[-1].score - entries[0].score) / entries[0].score, 4)
    return PegTrend(entries, change)
