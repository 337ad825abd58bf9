"""When did the spasm start: one tap starts the episode."""

from __future__ import annotations

import flet as ft

from app.ui.guide.checked_note import CheckedNote
from app.ui.kit.big import big_button, title
from app.ui.kit.boundary import component
from app.ui.kit.pinned import Pinned
from app.ui.session import Session

WHEN = ((0, "Just now"), (15, "15 minutes ago"), (30, "30 minutes ago"), (60, "An hour ago"))


@component
def GuideStart(session: Session) -> ft.Control:
    return Pinned(screen="start", body=[CheckedNote(session), title("When did it start?")], answers=[
        big_button(label, lambda _=None, m=minutes: session.guide_start(m)) for minutes, label in WHEN])
