"""Night from 21:00 to 07:00 on the local clock; a chosen theme always wins."""

from datetime import datetime

import pytest

from app.domain.daylight import dark, is_night


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
