"""The articles' ice-then-heat timing, shown beside the Cochrane finding; the person chooses."""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.phase import phase, temperature_options

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


@pytest.mark.parametrize("hours", [0, 5, 47])
def test_ice_is_not_chosen_for_the_person_in_the_first_48_hours(hours):
    options = temperature_options(START, START + timedelta(hours=hours), None)
    assert [o.kind for o in options] == ["ice", "heat"]
    assert not any(o.chosen for o in options)


def test_both_sides_show_the_articles_timing_and_the_cochrane_finding():
    ice, heat = temperature_options(START, START + timedelta(hours=5), None)
    assert "24 to 48 hours" in ice.timing and "after 48 hours" in heat.timing
    assert "too little evidence" in ice.evidence
    assert "moderate evidence" in heat.evidence and "small" in heat.evidence
    assert ice.timing_fits and not heat.timing_fits


def test_the_persons_choice_wins_over_the_articles_timing():
    ice, heat = temperature_options(START, START + timedelta(hours=2), "heat")
    assert heat.chosen and not ice.chosen
    ice, heat = temperature_options(START, START + timedelta(hours=72), "ice")
    assert ice.chosen and heat.timing_fits


def test_without_an_episode_no_timing_fits_yet():
    assert not any(o.timing_fits for o in temperature_options(None, START, None))
