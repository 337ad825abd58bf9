"""A later check that never blocks relief: the signs that mean a doctor today."""

from __future__ import annotations

import flet as ft

from app.content.loader import library
from app.ui.kit.big import big_button, title, words
from app.ui.kit.boundary import component
from app.ui.kit.pinned import Pinned
from app.ui.kit.theme import amber
from app.ui.session import Session


@component
def GuideUrgent(session: Session) -> ft.Control:
    urgent = [f for f in library().red_flags if f.tier == "urgent"]
    return Pinned(screen="urgent", body=[
        title("One more check"),
        words("Do any of these apply to you?"),
        *[words(f"• {f.label}") for f in urgent],
    ], answers=[
        big_button("Yes, one of these", lambda: session.guide_urgent(True), bgcolor=amber(session.dark)[0],
                   color=amber(session.dark)[1]),
        big_button("No, none of these", lambda: session.guide_urgent(False)),
    ])
