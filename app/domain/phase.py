"""Ice or heat: which one an episode's age suggests (the evidence note lives on the cards)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

ICE_WINDOW = timedelta(hours=48)


@dataclass(frozen=True)
class Phase:
    kind: Literal["ice", "heat"]
    hours_in: float


def phase(start: datetime, now: datetime) -> Phase:
    """Ice within 48 hours of the start, heat after; a start in the future counts as now."""
    if start.tzinfo is None or now.tzinfo is None:
        raise ValueError("start and now must be timezone-aware")
    age = max(now - start, timedelta(0))
    return Phase(kind="ice" if age < ICE_WINDOW else "heat", hours_in=age.total_seconds() / 3600)
