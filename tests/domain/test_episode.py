"""The episode model rejects impossible data with clear messages."""

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from app.domain.episode import Episode, PainReading

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def test_open_ended_episode_is_valid():
    e = Episode(start=T0)
    assert e.is_open and e.peak_pain is None
    assert e.duration(T0 + timedelta(minutes=30)) == timedelta(minutes=30)


def test_end_before_start_is_rejected():
    with pytest.raises(ValidationError, match="end is before the start"):
        Episode(start=T0, end=T0 - timedelta(minutes=1))


@pytest.mark.parametrize("score", [-1, 11, 100])
def test_pain_outside_0_to_10_is_rejected(score):
    with pytest.raises(ValidationError, match="less than or equal to 10|greater than or equal to 0"):
        PainReading(at=T0, score=score)


def test_naive_start_is_rejected():
    with pytest.raises(ValidationError, match="timezone"):
        Episode(start=T0.replace(tzinfo=None))


def test_unknown_trigger_and_card_are_named():
    with pytest.raises(ValidationError, match="unknown trigger: juggling"):
        Episode(start=T0, triggers=["lifting", "juggling"])
    with pytest.raises(ValidationError, match="unknown card: nap"):
        Episode(start=T0, helped=["ice-pack", "nap"])


def test_known_choices_are_kept_once():
    e = Episode(start=T0, triggers=["lifting", "lifting"], helped=["ice-pack"])
    assert e.triggers == ["lifting"] and e.helped == ["ice-pack"]


def test_notes_are_length_capped():
    with pytest.raises(ValidationError, match="at most 1000"):
        Episode(start=T0, notes="x" * 1001)


def test_peak_pain():
    e = Episode(start=T0, pain=[PainReading(at=T0, score=7), PainReading(at=T0, score=3)])
    assert e.peak_pain == 7


def test_unexpected_field_is_rejected():
    with pytest.raises(ValidationError, match="Extra inputs"):
        Episode.model_validate({"start": T0.isoformat(), "mood": "bad"})
