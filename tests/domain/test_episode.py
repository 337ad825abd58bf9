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


# time -------------------------------------------------------------------------

class _ClockIn2000(datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime(2000, 1, 1, 12, 0, tzinfo=UTC).astimezone(tz)


def test_a_phone_clock_set_to_2000_does_not_make_saved_episodes_unreadable(monkeypatch):
    import app.domain.episode as episode_module

    monkeypatch.setattr(episode_module, "datetime", _ClockIn2000)
    saved = {"id": "from-2026", "start": T0.isoformat(), "end": None,
             "pain": [{"at": T0.isoformat(), "score": 6}], "updated_at": T0.isoformat()}
    assert Episode.model_validate(saved).start == T0


def test_times_outside_1970_to_2100_are_still_refused():
    with pytest.raises(ValidationError, match="1970"):
        Episode(start=datetime(1969, 12, 31, tzinfo=UTC))
    with pytest.raises(ValidationError, match="2100"):
        Episode(start=datetime(2100, 1, 1, tzinfo=UTC))


def test_the_clock_looks_wrong_before_this_app_existed_or_behind_what_was_saved():
    from app.domain.episode import clock_warning

    in_2000 = datetime(2000, 1, 1, 12, 0, tzinfo=UTC)
    assert "Your phone's clock says 01 Jan 2000" in clock_warning(in_2000, None)
    assert "saved as late as 01 Nov 2026" in clock_warning(in_2000, T0)
    assert "Every saved entry is kept" in clock_warning(in_2000, T0)
    assert clock_warning(T0 - timedelta(days=3), T0) is not None  # three days behind what was saved
    assert clock_warning(T0 + timedelta(minutes=5), T0) is None
    assert clock_warning(T0 - timedelta(hours=2), T0) is None  # hours apart: two devices' clocks


def test_end_now_on_an_episode_dated_in_the_future_says_why_instead_of_failing():
    from app.domain.episode import EndsBeforeStart

    now = T0
    later = Episode(start=now + timedelta(hours=20))
    assert later.starts_after(now) and later.duration(now) == timedelta(0)  # never "-1200 min"
    with pytest.raises(EndsBeforeStart, match="dated to start on 02 Nov 2026 at 04:00") as caught:
        later.ended(now)
    assert isinstance(caught.value, ValueError) and "delete it" in str(caught.value)
    ended = Episode(start=now - timedelta(hours=1)).ended(now)
    assert ended.end == now and ended.duration(now) == timedelta(hours=1)


def test_an_episode_open_for_over_12_hours_is_stale_and_knows_its_last_entry():
    e = Episode(start=T0, pain=[PainReading(at=T0 + timedelta(hours=1), score=7)])
    assert not e.stale(T0 + timedelta(hours=11)) and e.stale(T0 + timedelta(hours=13))
    assert e.last_entry == T0 + timedelta(hours=1)
    assert e.ended(e.last_entry).end == T0 + timedelta(hours=1)  # "No": it ends at its last entry
    assert not e.ended(e.last_entry).stale(T0 + timedelta(days=3))


def test_a_corrected_start_or_end_moves_only_that_time_and_never_puts_the_end_first():
    from app.domain.episode import EndsBeforeStart

    e = Episode(start=T0, end=T0 + timedelta(hours=2), pain=[PainReading(at=T0, score=8)])
    earlier = e.retimed(start=T0 - timedelta(days=1))  # it really began yesterday
    assert (earlier.start, earlier.end, earlier.pain) == (T0 - timedelta(days=1), e.end, e.pain)
    assert earlier.duration(T0) == timedelta(hours=26) and earlier.updated_at > e.updated_at
    assert e.retimed(end=T0 + timedelta(days=3)).end == T0 + timedelta(days=3)
    with pytest.raises(EndsBeforeStart, match="before it starts"):
        e.retimed(end=T0 - timedelta(minutes=1))
    with pytest.raises(EndsBeforeStart):
        e.retimed(start=T0 + timedelta(hours=3))
    assert Episode(start=T0).retimed(start=T0 - timedelta(hours=1)).is_open
