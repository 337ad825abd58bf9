"""When did the spasm start: one tap starts the episode."""

from __future__ import annotations

import flet as ft

from app.domain.onset import start_choices
from app.ui.guide.checked_note import CheckedNote
from app.ui.kit.big import big_button, title
from app.ui.kit.boundary import component
from app.ui.kit.pinned import Pinned
from app.ui.kit.start_time import start_time_button
from app.ui.session import Session, now


@component
def GuideStart(session: Session) -> ft.Control:
    buttons = [big_button(label, lambda _=None, m=minutes: session.guide_start(m), half=True)
               for label, minutes in start_choices(now())]
    pick = start_time_button(session.guide_start, expand=True)
    rows = [ft.Row(spacing=10, controls=buttons[i:i + 2]) for i in range(0, len(buttons), 2)]
    return Pinned(screen="start", body=[CheckedNote(session), title("When did it start?")],
                  answers=[*rows, ft.Row(controls=[pick])])
