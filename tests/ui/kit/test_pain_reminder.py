"""'How is your pain now?' shows on home and the Log once due, with one-tap pain buttons and 'Not now'."""

import flet as ft
import pytest

from app.domain.reminders import QUESTION
from app.store import EpisodeLog, MemoryBackend
from app.ui.kit.pain_reminder import PainReminder
from app.ui.session import Session
from app.ui.shell.body import Body
from tests.ui.render import render, texts, walk


@pytest.fixture
def session():
    return Session(log=EpisodeLog(MemoryBackend()))


def _buttons(nodes) -> dict[str, ft.Button]:
    return {n.content.semantics_label: n for n in nodes
            if isinstance(n, ft.Button) and isinstance(n.content, ft.Text) and n.content.semantics_label}


def test_two_hours_in_with_no_score_it_asks_and_one_tap_logs_the_pain(session):
    session.start_episode(minutes_ago=125)
    root = render(PainReminder, session)
    nodes = list(walk(root))
    assert QUESTION in texts(nodes)
    assert "No pain score yet. Tap a number: 0 is no pain, 10 the worst." in texts(nodes)
    buttons = _buttons(nodes)
    assert sorted(buttons) == sorted(f"Pain {n}" for n in range(11))
    buttons["Pain 4"].on_click()
    assert [p.score for p in session.active.pain] == [4]
    assert QUESTION not in texts(walk(render(PainReminder, session)))  # answered: gone for 2 hours


def test_not_due_before_two_hours_nor_without_an_open_episode(session):
    assert QUESTION not in texts(walk(render(PainReminder, session)))
    session.start_episode(minutes_ago=60)
    assert QUESTION not in texts(walk(render(PainReminder, session)))


def test_not_now_puts_it_off_and_it_is_kept_across_a_reload(session):
    session.start_episode(minutes_ago=150)
    nodes = list(walk(render(PainReminder, session)))
    next(n for n in nodes if isinstance(n, ft.TextButton) and n.content == "Not now").on_click()
    assert QUESTION not in texts(walk(render(PainReminder, session)))
    reopened = Session(log=EpisodeLog(MemoryBackend(session.log.backend.text)))
    reopened.settings = reopened.log.settings()
    assert QUESTION not in texts(walk(render(PainReminder, reopened)))


@pytest.mark.parametrize("tab, overlay, shown", [
    ("relief", None, True), ("log", None, False), ("sleep", None, False), ("relief", "sos", False),
])
def test_the_reminder_waits_on_home_only(session, tab, overlay, shown):
    """The Log's open episode asks for pain at its top already: a second, fixed panel would push it away."""
    session.start_episode(minutes_ago=180)
    session.show_tab(tab)
    session.overlay = overlay
    assert (QUESTION in texts(walk(render(Body, session)))) is shown
