"""Pain now, 0 to 10, one tap."""

from __future__ import annotations

import flet as ft

from app.ui.guide.checked_note import CheckedNote
from app.ui.kit.big import title, words
from app.ui.kit.boundary import component
from app.ui.kit.pain_buttons import PainButtons
from app.ui.kit.pinned import Pinned
from app.ui.session import Session
from app.ui.timers.time_up_flash import TimeUpFlash


@component
def GuidePain(session: Session, heading: str = "How bad is the pain now?") -> ft.Control:
    checkin = session.guide_waiting_for_checkin()
    return Pinned(screen=f"pain-{checkin}", body=[
        CheckedNote(session),
        TimeUpFlash(heading, still=session.reduce_motion) if checkin else title(heading),
        words("0 is no pain, 10 is the worst you can imagine."),
    ], answers=[PainButtons(session.guide_checkin if checkin else session.guide_pain, None)])
