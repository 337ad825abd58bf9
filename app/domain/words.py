"""Counts and durations in plain words: '1 episode', '2 episodes', 'just now', '1 day 3 h'."""

from __future__ import annotations

from datetime import timedelta


def count(n: int, word: str, many: str | None = None) -> str:
    """'1 episode', '0 episodes', '2 days': the right form for the number."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def duration(td: timedelta) -> str:
    """How long, rounded down: '5 min', '2 h 10 min', '1 day 3 h'; never negative."""
    minutes = max(int(td.total_seconds() // 60), 0)
    if minutes < 60:
        return f"{minutes} min"
    hours, mins = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h" + (f" {mins} min" if mins else "")
    days, hours = divmod(hours, 24)
    return count(days, "day") + (f" {hours} h" if hours else "")


def ago(td: timedelta) -> str:
    """'just now' under a minute, else '12 min ago', '3 h ago'."""
    return "just now" if td < timedelta(minutes=1) else f"{duration(td)} ago"
