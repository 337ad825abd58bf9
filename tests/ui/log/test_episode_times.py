"""An episode's start and end can be corrected on its clock face; one that would end first changes nothing."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from types import SimpleNamespace

import flet as ft
import pytest

from app.domain.episode import Episode
from app.store import EpisodeLog, MemoryBackend
from app.ui.log import episode_times
from app.ui.log.episode_times import ChangeTimes
from app.ui.session import Session
from tests.ui.render import render, walk

START = datetime(2026, 11, 30, 8, 10).astimezone()


@pytest.fixture
def dialogs(monkeypatch):
    shown: list[ft.TimePicker] = []
    page = SimpleNamespace(show_dialog=shown.append)
    monkeypatch.setattr(episode_times.ft, "context", SimpleNamespace(page=page))
    return shown


def _session(end: datetime | None) -> Session:
    session = Session(log=EpisodeLog(MemoryBackend()))
    session.log.add(Episode(id="e", start=START, end=end))
    return session


def _tap(session: Session, label: str) -> None:
    drawn = walk(render(ChangeTimes, session, session.log.get("e")))
    next(c for c in drawn if isinstance(c, ft.OutlinedButton) and c.content == label).on_click()


def _pick(dialogs: list, at: time) -> None:
    picker = dialogs.pop()
    picker.value = at
    picker.on_change(SimpleNamespace(control=picker))


def test_the_start_and_end_of_a_past_episode_move_to_the_times_picked(dialogs):
    session = _session(START + timedelta(hours=2, minutes=30))
    _tap(session, "Change start")
    assert dialogs[-1].value == time(8, 10) and dialogs[-1].help_text == "When did it start?"
    _pick(dialogs, time(7, 30))
    assert session.log.get("e").start == START.replace(hour=7, minute=30)
    _tap(session, "Change end")
    _pick(dialogs, time(11, 0))
    episode = session.log.get("e")
    assert (episode.start.hour, episode.end.hour, episode.end.date()) == (7, 11, START.date())
    assert session.problem is None


def test_a_start_after_midnight_moved_to_late_evening_means_the_evening_before(dialogs):
    session = _session(START + timedelta(hours=1))
    _tap(session, "Change start")
    _pick(dialogs, time(23, 15))
    assert session.log.get("e").start == START.replace(hour=23, minute=15) - timedelta(days=1)


def test_an_open_episode_offers_only_its_start(dialogs):
    labels = [c.content for c in walk(render(ChangeTimes, _session(None), _session(None).log.get("e")))
              if isinstance(c, ft.OutlinedButton)]
    assert labels == ["Change start"]


def test_a_correction_that_would_end_it_first_says_so_and_changes_nothing():
    session = _session(START + timedelta(hours=1))
    session.retime("e", end=START - timedelta(minutes=5))
    assert "before it starts" in (session.problem or "")
    assert session.log.get("e").end == START + timedelta(hours=1)
