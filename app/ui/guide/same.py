"""'Is this the same spasm?': asked when the open episode began more than 12 hours ago."""

from __future__ import annotations

import flet as ft

from app.ui.kit.big import big_button, pair, title, words
from app.ui.kit.boundary import component
from app.ui.kit.pinned import Pinned
from app.ui.session import Session


@component
def GuideSame(session: Session) -> ft.Control:
    active = session.active
    if active is None:
        return words("This episode has ended.")
    return Pinned(screen="same", body=[
        title("Is this the same spasm?"),
        words(f"An episode has been open since {active.start.astimezone():%a %d %b, %H:%M}."),
        words("If this is a new one, the old one ends at its last entry."),
    ], answers=[pair(big_button("Yes, the same", lambda: session.guide_same(True), half=True),
                     big_button("No, a new one", lambda: session.guide_same(False), half=True))])
