"""Night from 21:00 to 07:00 on the phone's own clock; a chosen theme always wins."""

import json
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.domain.daylight import dark, is_night, phone_clock


@pytest.mark.parametrize("hour, night", [(20, False), (21, True), (23, True), (0, True), (6, True),
                                         (7, False), (12, False)])
def test_night_hours(hour, night):
    assert is_night(datetime(2026, 12, 3, hour, 30)) is night


def test_the_persons_choice_wins_over_the_clock_and_the_phone():
    assert dark("light", night=True, platform_dark=True) is False
    assert dark("dark", night=False, platform_dark=False) is True


@pytest.mark.parametrize("setting", ["system", None, ["dark"]])
def test_otherwise_night_or_a_dark_phone_makes_it_dark(setting):
    assert dark(setting, night=True, platform_dark=False)
    assert dark(setting, night=False, platform_dark=True)
    assert not dark(setting, night=False, platform_dark=False)


READ_AT = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)  # this machine's clock when the app read the page's note


def _note(local: datetime, zone: str) -> str:
    return json.dumps({"epoch_ms": local.timestamp() * 1000, "zone": zone,
                       "utc_offset_min": local.utcoffset().total_seconds() / 60})


def test_the_phones_own_clock_and_zone_decide_not_this_machines():
    phone = datetime(2026, 12, 3, 22, 30, tzinfo=ZoneInfo("Pacific/Auckland"))  # its clock, not ours
    clock = phone_clock(_note(phone, "Pacific/Auckland"), READ_AT)
    later = clock.local(READ_AT + timedelta(minutes=45))
    assert (later.hour, later.minute) == (23, 15) and is_night(later)
    assert not is_night(READ_AT)  # what this machine's own clock would have said


def test_an_unknown_zone_falls_back_to_the_offset_the_phone_gave():
    phone = datetime(2026, 12, 3, 6, 50, tzinfo=timezone(timedelta(hours=-3, minutes=-30)))
    clock = phone_clock(_note(phone, "Mars/Olympus_Mons"), READ_AT)
    assert clock.local(READ_AT + timedelta(minutes=15)).strftime("%H:%M") == "07:05"


@pytest.mark.parametrize("note", [None, "", "not json", "[]", '{"epoch_ms": 1}', 42,
                                  '{"epoch_ms": "NaN", "utc_offset_min": 0}',
                                  '{"epoch_ms": 1e300, "utc_offset_min": 0}',
                                  '{"epoch_ms": 1, "utc_offset_min": 9000}'])
def test_a_missing_or_bad_note_leaves_the_apps_own_clock(note):
    assert phone_clock(note, READ_AT) is None
