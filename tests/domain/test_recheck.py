"""A clear SOS check spares the guide's safety questions for 30 minutes, and only the latest one counts."""

from datetime import UTC, datetime, timedelta

from app.domain.recheck import checked_clear_recently
from app.domain.records import SosCheck

NOW = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)


def check(minutes_ago: int, tier: str = "self-care") -> SosCheck:
    return SosCheck(tier=tier, at=NOW - timedelta(minutes=minutes_ago), flags=[])


def test_a_clear_check_ten_minutes_ago_counts():
    assert checked_clear_recently([check(10)], NOW)


def test_an_old_check_or_none_does_not():
    assert not checked_clear_recently([check(45)], NOW)
    assert not checked_clear_recently([], NOW)


def test_a_later_emergency_check_wins():
    assert not checked_clear_recently([check(20), check(5, "emergency")], NOW)
    assert not checked_clear_recently([check(20), check(5, "urgent")], NOW)


def test_a_soon_sign_is_no_reason_to_ask_the_emergency_questions_again():
    assert checked_clear_recently([check(5, "soon")], NOW)
