"""Settings offers the weekly check as a calendar file, saved through the same dialog as the exports."""

import asyncio

import flet as ft
import icalendar  # test-only: reads the file back as a phone's calendar would

from app.store import EpisodeLog, MemoryBackend
from app.ui.session import Session
from app.ui.settings.screen import SettingsScreen
from app.ui.settings.weekly_calendar import save_calendar
from tests.ui.render import render, texts, walk


class _Picker:
    def __init__(self):
        self.saved = {}

    async def save_file(self, file_name, src_bytes):
        self.saved[file_name] = src_bytes


def test_settings_has_the_calendar_button():
    session = Session(log=EpisodeLog(MemoryBackend()))
    nodes = list(walk(render(SettingsScreen, session)))
    assert any(isinstance(n, ft.OutlinedButton) and n.content == "Add a weekly check to my calendar"
               for n in nodes)
    assert "Reminders" in texts(nodes)


def test_the_saved_file_is_a_weekly_event_with_an_alarm():
    picker = _Picker()
    said = asyncio.run(save_calendar(picker, Session(log=EpisodeLog(MemoryBackend()))))
    (name, data), = picker.saved.items()
    assert name.endswith(".ics") and name in said
    event, = icalendar.Calendar.from_ical(data.decode("utf-8")).walk("VEVENT")
    assert event["RRULE"]["FREQ"] == ["WEEKLY"]
    assert [str(a["ACTION"]) for a in event.walk("VALARM")] == ["DISPLAY"]
    assert b"\r\n" in data
