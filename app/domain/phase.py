"""Ice or heat: the source articles' timing beside the Cochrane finding, and the person's own choice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

Temperature = Literal["ice", "heat"]
ICE_WINDOW = timedelta(hours=48)

TIMING: dict[Temperature, str] = {
    "ice": "Source articles: ice in the first 24 to 48 hours.",
    "heat": "Source articles: heat after 48 hours (one says from the start).",
}
EVIDENCE: dict[Temperature, str] = {
    "ice": "Research review (Cochrane): too little evidence to say whether cold helps.",
    "heat": "Research review (Cochrane): moderate evidence of a small, short-term drop in pain.",
}


@dataclass(frozen=True)
class Phase:
    kind: Temperature
    hours_in: float


@dataclass(frozen=True)
class TemperatureOption:
    """One side of the comparison; `timing_fits`: the articles' timing points here now."""

    kind: Temperature
    timing: str
    evidence: str
    timing_fits: bool
    chosen: bool


def phase(start: datetime, now: datetime) -> Phase:
    """The articles' timing: ice within 48 hours of the start, heat after; a future start counts as now."""
    if start.tzinfo is None or now.tzinfo is None:
        raise ValueError("start and now must be timezone-aware")
    age = max(now - start, timedelta(0))
    return Phase(kind="ice" if age < ICE_WINDOW else "heat", hours_in=age.total_seconds() / 3600)


def temperature_options(start: datetime | None, now: datetime,
                        choice: Temperature | None) -> tuple[TemperatureOption, TemperatureOption]:
    """Ice and heat side by side, always both; only the person's choice marks one as chosen."""
    fits = phase(start, now).kind if start is not None else None
    return tuple(  # type: ignore[return-value]
        TemperatureOption(kind=k, timing=TIMING[k], evidence=EVIDENCE[k], timing_fits=k == fits,
                          chosen=k == choice)
        for k in ("ice", "heat")
    )
