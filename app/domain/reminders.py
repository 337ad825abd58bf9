"""When to ask 'How is your pain now?': 2 hours into an open episode with no pain score in those 2 hours."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.episode import Episode

REMIND_AFTER = timedelta(hours=2)
QUESTION = "How is your pain now?"


def pain_reminder_at(episode: Episode | None) -> datetime | None:
    """When the next 'How is your pain now?' falls due: 2 hours after the start or the last pain score.

    None when there is no open episode. Every pain score restarts the 2 hours.
    """
    if episode is None or episode.end is not None:
        return None
    return max([episode.start, *(p.at for p in episode.pain)]) + REMIND_AFTER


def reminder_key(episode: Episode | None) -> str:
    """Names one reminder (episode and due time), so 'Not now' puts off that one and no later one."""
    at = pain_reminder_at(episode)
    return f"{episode.id}@{at.isoformat()}" if episode is not None and at is not None else ""


def pain_reminder_due(episode: Episode | None, now: datetime, dismissed: str = "") -> bool:
    """True when the open episode's reminder is due now and the person has not put that one off.

    A score logged in the future (a clock set back) never makes it due early or late: the time
    used is the latest of the start and the scores.
    """
    at = pain_reminder_at(episode)
    return at is not None and now >= at and reminder_key(episode) != dismissed


def seconds_until_reminder(episode: Episode | None, now: datetime) -> float | None:
    """How long the open app waits before showing the reminder; None when none is coming."""
    at = pain_reminder_at(episode)
    return None if at is None else max(0.0, (at - now).total_seconds())
