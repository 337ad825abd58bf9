"""'Add' takes what was typed even when it lands before the panel has redrawn after the last key."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

import flet as ft

from app.domain.episode import Episode
from app.store import EpisodeLog, MemoryBackend
from app.ui.log.taken_panel import TakenPanel
from app.ui.session import Session
from tests.ui.render import render, walk


def test_add_tapped_before_the_redraw_keeps_every_letter_typed():
    session = Session(log=EpisodeLog(MemoryBackend()))
    session.log.add(Episode(id="open", start=datetime.now().astimezone() - timedelta(minutes=40)))
    drawn = list(walk(render(TakenPanel, session, session.log.get("open"))))
    field = next(c for c in drawn if isinstance(c, ft.TextField))
    add = next(c for c in drawn if isinstance(c, ft.Button) and c.content == "Add")
    field.on_change(SimpleNamespace(control=SimpleNamespace(value="Ibuprofen gel")))
    add.on_click()  # the button of the frame drawn before that key: its event ran first
    assert [t.what for t in session.log.get("open").taken] == ["Ibuprofen gel"]
