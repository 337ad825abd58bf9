"""'How is your pain now?' falls due 2 hours into an open episode with no pain score in those 2 hours."""

from datetime import UTC, datetime, timedelta

from app.domain.episode import Episode, PainReading
from app.domain.reminders import (
    REMIND_AFTER,
    pain_reminder_at,
    pain_reminder_due,
    reminder_key,
    seconds_until_reminder,
)

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
H = timedelta(hours=1)


def test_two_hours_after_the_start_with_no_pain_logged_it_is_due():
    e = Episode(start=T0)
    assert REMIND_AFTER == 2 * H
    assert not pain_reminder_due(e, T0 + 2 * H - timedelta(seconds=1))
    assert pain_reminder_due(e, T0 + 2 * H) and pain_reminder_due(e, T0 + 5 * H)


def test_a_pain_score_in_those_two_hours_puts_it_two_hours_after_that_score():
    e = Episode(start=T0, pain=[PainReading(at=T0 + H + timedelta(minutes=30), score=6)])
    assert not pain_reminder_due(e, T0 + 2 * H)
    assert pain_reminder_at(e) == T0 + 3 * H + timedelta(minutes=30)
    assert pain_reminder_due(e, T0 + 3 * H + timedelta(minutes=30))


def test_an_ended_episode_or_none_is_never_reminded():
    assert not pain_reminder_due(Episode(start=T0, end=T0 + H), T0 + 5 * H)
    assert not pain_reminder_due(None, T0)
    assert pain_reminder_at(None) is None and seconds_until_reminder(None, T0) is None


def test_not_now_puts_off_that_reminder_only_until_the_next_score_is_due():
    e = Episode(start=T0)
    key = reminder_key(e)
    assert not pain_reminder_due(e, T0 + 3 * H, dismissed=key)
    later = e.model_copy(update={"pain": [PainReading(at=T0 + 3 * H, score=4)]})
    assert reminder_key(later) != key and pain_reminder_due(later, T0 + 5 * H, dismissed=key)


def test_a_clock_set_back_does_not_make_it_due():
    e = Episode(start=T0)
    assert not pain_reminder_due(e, T0 - 10 * H)
    assert seconds_until_reminder(e, T0 + H) == 3600 and seconds_until_reminder(e, T0 + 9 * H) == 0
