"""Night, by the phone's own clock: the whole app turns dark from 21:00 to 07:00 unless the person chose."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

NIGHT_FROM, NIGHT_TO = 21, 7
MAX_OFFSET = timedelta(hours=14)  # the widest UTC offset in use (Kiribati)


def is_night(local: datetime) -> bool:
    return local.hour >= NIGHT_FROM or local.hour < NIGHT_TO


def dark(setting: object, night: bool, platform_dark: bool) -> bool:
    """The person's choice wins; otherwise dark at night, or when the phone itself is dark."""
    if setting in ("light", "dark"):
        return setting == "dark"
    return night or platform_dark


@dataclass(frozen=True)
class PhoneClock:
    """The phone's clock as this machine sees it: how far ahead it runs, and its time zone."""

    ahead: timedelta
    zone: tzinfo

    def local(self, now_utc: datetime) -> datetime:
        """The phone's local time when this machine's clock reads `now_utc`."""
        return (now_utc + self.ahead).astimezone(self.zone)


def phone_clock(reading: object, read_at: datetime) -> PhoneClock | None:
    """What the page wrote at load (JSON: `epoch_ms`, `utc_offset_min`, IANA `zone`), read at `read_at`.

    A zone this machine does not know falls back to the offset; anything unreadable is None (the
    caller keeps its own clock).
    """
    try:
        data = json.loads(reading) if isinstance(reading, str) else None
        phone = datetime.fromtimestamp(float(data["epoch_ms"]) / 1000, UTC)
        offset = timedelta(minutes=float(data["utc_offset_min"]))
    except (TypeError, ValueError, KeyError, OverflowError, OSError):
        return None
    if abs(offset) > MAX_OFFSET:
        return None
    try:
        zone: tzinfo = ZoneInfo(str(data.get("zone") or ""))
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        zone = timezone(offset)
    return PhoneClock(ahead=phone - read_at.astimezone(UTC), zone=zone)
