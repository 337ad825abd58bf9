"""Ice in the first 48 hours, heat after."""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.phase import phase

START = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize("hours, kind", [(0, "ice"), (1, "ice"), (47.9, "ice"), (48, "heat"),
                                         (200, "heat")])
def test_phase_by_age(hours, kind):
    assert phase(START, START + timedelta(hours=hours)).kind == kind


def test_future_start_counts_as_now():
    assert phase(START, START - timedelta(hours=3)).hours_in == 0


def test_naive_times_are_rejected():
    with pytest.raises(ValueError):
        phase(START.replace(tzinfo=None), START)
