"""Singular and plural are right for 0, 1 and 2; no '1 days', no '(s)', no '0 min ago'."""

from datetime import timedelta

import pytest

from app.domain.words import ago, count, duration


@pytest.mark.parametrize("n, said", [(0, "0 episodes"), (1, "1 episode"), (2, "2 episodes")])
def test_count(n, said):
    assert count(n, "episode") == said


def test_count_with_an_irregular_plural():
    assert count(1, "entry", "entries") == "1 entry" and count(2, "entry", "entries") == "2 entries"


@pytest.mark.parametrize("td, said", [
    (timedelta(minutes=5), "5 min"), (timedelta(hours=2, minutes=10), "2 h 10 min"),
    (timedelta(hours=49), "2 days 1 h"), (timedelta(hours=24 * 3), "3 days"),
    (timedelta(minutes=-5), "0 min")])
def test_duration(td, said):
    assert duration(td) == said


def test_one_day_is_singular():
    assert duration(timedelta(days=1, hours=23)) == "47 h" and count(1, "day") == "1 day"


def test_ago_says_just_now_under_a_minute():
    assert ago(timedelta(seconds=20)) == "just now"
    assert ago(timedelta(minutes=3)) == "3 min ago"
