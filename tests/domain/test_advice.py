"""When to see a pharmacist or doctor: by how long the episode has lasted, and rising pain first."""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.advice import doctor_nudge, getting_worse
from app.domain.episode import PainReading

START = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def at(hours: float, score: int) -> PainReading:
    return PainReading(at=START + timedelta(hours=hours), score=score)


@pytest.mark.parametrize("age, level", [
    (timedelta(hours=1), "settling"),
    (timedelta(days=2, hours=23), "settling"),
    (timedelta(days=3), "pharmacist"),
    (timedelta(days=7), "pharmacist"),
    (timedelta(days=20), "pharmacist"),
    (timedelta(weeks=3), "gp"),
    (timedelta(weeks=8), "gp"),
])
def test_the_nudge_follows_how_long_the_episode_has_lasted(age, level):
    assert doctor_nudge(START, START + age).level == level


def test_every_nudge_says_to_see_a_doctor_now_if_worse_or_not_coping():
    for days in (0, 4, 30):
        text = doctor_nudge(START, START + timedelta(days=days)).text
        assert "getting worse" in text and "struggling to cope" in text


def test_pharmacist_after_a_few_days_and_gp_after_weeks_are_named():
    assert "pharmacist" in doctor_nudge(START, START + timedelta(days=4)).text
    nudge = doctor_nudge(START, START + timedelta(weeks=5))
    assert "5 weeks" in nudge.title and "GP" in nudge.title


def test_rising_pain_means_a_doctor_today_even_early_on():
    readings = [at(0, 4), at(26, 7)]
    nudge = doctor_nudge(START, START + timedelta(hours=27), readings)
    assert nudge.level == "gp-now" and "today" in nudge.title


@pytest.mark.parametrize("readings, worse", [
    ([], False),
    ([at(0, 3)], False),
    ([at(0, 3), at(2, 9)], False),   # within the first day a spasm still builds
    ([at(0, 3), at(24, 5)], True),
    ([at(0, 3), at(24, 4)], False),  # one point is noise
    ([at(0, 8), at(10, 3), at(40, 6)], True),  # compared with the last score a day earlier (3)
    ([at(0, 8), at(30, 6)], False),  # easing
])
def test_getting_worse_compares_with_a_day_earlier(readings, worse):
    assert getting_worse(readings) is worse


def test_a_future_start_counts_as_now():
    assert doctor_nudge(START, START - timedelta(days=5)).level == "settling"
