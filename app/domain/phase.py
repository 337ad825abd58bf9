"""Ice or heat: which one an episode's age suggests, with the honest evidence note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

ICE_WINDOW = timedelta(hours=48)
EVIDENCE = (
    "The source articles suggest ice for the first 24-48 hours, then heat. "
    "A Cochrane review found moderate evidence that a heat wrap eases pain a little in the "
    "short term, and too little evidence to judge cold. Use whichever feels better."
)


@dataclass(frozen=True)
class Phase:
    kind: Literal["ice", "heat"]
    hours_in: float
    note: str = EVIDENCE


def phase(start: datetime, now: datetime) -> Phase:
    """Ice within 48 hours of the start, heat after; a start in the future counts as now."""
    if start.tzinfo is None or now.tzinfo is None:
        raise ValueError("start and now must be timezone-aware")
    age = max(now - start, timedelta(0))
    return Phase(kind="ice" if age < ICE_WINDOW else "heat", hours_in=age.total_seconds() / 3600)
