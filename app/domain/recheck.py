"""Whether the safety questions were just answered: a clear SOS check counts for half an hour."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from app.domain.records import SosCheck

FRESH = timedelta(minutes=30)


def checked_clear_recently(checks: Iterable[SosCheck], now: datetime) -> bool:
    """True when the latest check, within the last 30 minutes, found no emergency or urgent sign.

    A 'soon' sign (a GP within days) is no reason to ask the emergency questions again.
    """
    recent = [c for c in checks if now - FRESH <= c.at <= now]
    return bool(recent) and max(recent, key=lambda c: c.at).tier in ("self-care", "soon")
