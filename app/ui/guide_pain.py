"""Pain now, 0 to 10, one tap."""

from __future__ import annotations

import flet as ft

from app.ui.boundary import component
from app.ui.guide_text import title, words
from app.ui.pain_buttons import PainButtons
from app.ui.session import Session


@component
def GuidePain(session: Session, heading: str = "How bad is the pain now?") -> ft.Control:
    return ft.Column(spacing=14, controls=[
        title(heading),
        words("0 is no pain, 10 is the worst you can imagine."),
        PainButtons(session.guide_checkin if session.guide_waiting_for_checkin() else session.guide_pain,
                    None),
    ])
