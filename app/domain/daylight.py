"""Night, by the local clock: the whole app turns dark from 21:00 to 07:00 unless the person chose."""

from __future__ import annotations

from datetime import datetime

NIGHT_FROM, NIGHT_TO = 21, 7


def is_night(local: datetime) -> bool:
    return local.hour >= NIGHT_FROM or local.hour < NIGHT_TO


def dark(setting: object, night: bool, platform_dark: bool) -> bool:
    """The person's choice wins; otherwise dark at night, or when the phone itself is dark."""
    if setting in ("light", "dark"):
        return setting == "dark"
    return night or platform_dark
