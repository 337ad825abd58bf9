"""When did it start: the quick answers a person can give, or a clock time, each as minutes before now."""

from __future__ import annotations

from datetime import datetime, time, timedelta

MORNING, EVENING = time(8, 0), time(19, 0)


def start_choices(local_now: datetime) -> list[tuple[str, int]]:
    """Now, 15 / 30 / 60 minutes ago, this morning (08:00, once that is over an hour ago), last evening."""
    choices = [("Just now", 0), ("15 minutes ago", 15), ("30 minutes ago", 30), ("An hour ago", 60)]
    morning = datetime.combine(local_now.date(), MORNING, local_now.tzinfo)
    if local_now - morning > timedelta(hours=1):
        choices.append(("This morning", _minutes(local_now - morning)))
    evening = datetime.combine(local_now.date() - timedelta(days=1), EVENING, local_now.tzinfo)
    choices.append(("Yesterday evening", _minutes(local_now - evening)))
    return choices


def minutes_since(picked: time, local_now: datetime) -> int:
    """Minutes since a clock time the person picked: today's, or yesterday's if today's is still ahead."""
    at = datetime.combine(local_now.date(), picked.replace(second=0, microsecond=0), local_now.tzinfo)
    if at > local_now:
        at -= timedelta(days=1)
    return _minutes(local_now - at)


def on_the_day(picked: time, was: datetime, *, not_after: datetime | None = None,
               not_before: datetime | None = None) -> datetime:
    """A corrected time: the clock time picked, on the day of `was` (in its own offset); a day earlier
    if that lands after `not_after`, a day later if before `not_before` (a time across midnight)."""
    at = datetime.combine(was.date(), picked.replace(second=0, microsecond=0), was.tzinfo)
    if not_after is not None and at > not_after:
        return at - timedelta(days=1)
    if not_before is not None and at < not_before:
        return at + timedelta(days=1)
    return at


def _minutes(td: timedelta) -> int:
    return int(td.total_seconds() // 60)
