"""Ice in the first 48 hours, heat after, with both sides of the evidence."""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.phase import phase

START = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize("hours, kind", [(0, "ice"), (1, "ice"), (47.9, "ice"), (48, "heat"),
                                         (200, "heat")])
def test_phase_by_age(hours, kind):
    assert phase(START, START + timedelta(hours=hours)).kind == kind


def test_future_start_counts_as_now():
    assert phase(START, START - timedelta(hours=3)) .hours_in == 0


def test_note_shows_both_views():
    note = phase(START, START).note.lower()
    assert "48" in note and "cochrane" in note


def test_naive_times_are_rejected():
    with pytest.raises(ValueError):
        phase(START.replace(tzinfo=None), START)
