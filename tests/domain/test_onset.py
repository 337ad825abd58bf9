"""'When did it start?' reaches back to this morning and yesterday evening, not only an hour."""

from datetime import datetime, time, timedelta

from app.domain.onset import minutes_since, on_the_day, start_choices


def test_at_noon_this_morning_and_yesterday_evening_are_offered_as_minutes_ago():
    choices = dict(start_choices(datetime(2026, 12, 3, 12, 0)))
    assert choices["Just now"] == 0 and choices["An hour ago"] == 60
    assert choices["This morning"] == 4 * 60  # 08:00
    assert choices["Yesterday evening"] == 17 * 60  # 19:00 yesterday


def test_early_in_the_morning_there_is_no_this_morning_yet():
    labels = [label for label, _ in start_choices(datetime(2026, 12, 3, 8, 30))]
    assert "This morning" not in labels and "Yesterday evening" in labels


def test_a_picked_clock_time_is_today_or_yesterday_whichever_has_passed():
    noon = datetime(2026, 12, 3, 12, 0)
    assert minutes_since(time(9, 30), noon) == 150
    assert minutes_since(time(12, 0), noon) == 0
    assert minutes_since(time(22, 15), noon) == 13 * 60 + 45  # 22:15 yesterday


def test_a_corrected_time_stays_on_its_day_unless_it_would_cross_the_other_end():
    start, end = datetime(2026, 12, 3, 0, 30), datetime(2026, 12, 3, 9, 0)
    assert on_the_day(time(0, 10), start, not_after=end) == datetime(2026, 12, 3, 0, 10)
    assert on_the_day(time(23, 0), start, not_after=end) == datetime(2026, 12, 2, 23, 0)  # the night before
    assert on_the_day(time(8, 0), end, not_before=start) == datetime(2026, 12, 3, 8, 0)
    assert on_the_day(time(0, 5), end, not_before=start) == datetime(2026, 12, 3, 0, 5) + timedelta(days=1)
