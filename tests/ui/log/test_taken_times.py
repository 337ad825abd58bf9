"""'What I took' on a past episode is timed within that episode, not at the moment it is written down."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.episode import Episode
from app.ui.log.taken_panel import taken_at

START = datetime(2026, 11, 30, 8, 10, tzinfo=UTC)
NOW = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def test_an_open_episode_counts_back_from_now():
    assert taken_at(Episode(start=START), 30, NOW) == NOW - timedelta(minutes=30)


def test_an_ended_episode_counts_on_from_its_start_and_stops_at_its_end():
    ended = Episode(start=START, end=START + timedelta(minutes=90))
    assert taken_at(ended, 0, NOW) == START
    assert taken_at(ended, 60, NOW) == START + timedelta(hours=1)
    assert taken_at(ended, 120, NOW) == ended.end
