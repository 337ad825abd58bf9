"""The end of a guided episode: pain then and now, what was done, and what to do next."""

from __future__ import annotations

import flet as ft

from app.domain.advice import doctor_nudge
from app.domain.guide import summary
from app.ui.kit.big import big_button, title, words
from app.ui.kit.boundary import component
from app.ui.session import Session, now


def _took(minutes: int) -> str:
    return f"{minutes} minutes" if minutes < 120 else f"{minutes // 60} h {minutes % 60} min"


@component
def GuideSummary(session: Session) -> ft.Control:
    active = session.active
    if active is None:
        return words("This episode has ended.")
    s = summary(active, now())
    nudge = doctor_nudge(active.start, now(), active.pain)
    pain = (f"Pain at the start {s.pain_start}, now {s.pain_now}" if s.pain_start is not None
            else "No pain scores yet")

    def sleep_positions() -> None:
        session.close_guide()
        session.show_tab("sleep")

    return ft.Column(spacing=12, controls=[
        title("How it went"),
        words(pain, weight=ft.FontWeight.BOLD),
        words(f"Time so far: {_took(int(s.took.total_seconds() // 60))}"),
        words("You did: " + (", ".join(s.done) if s.done else "nothing yet, and that is fine")),
        title("What next"),
        words(nudge.title, weight=ft.FontWeight.BOLD),
        words(nudge.text),
        big_button("Positions for the night", sleep_positions, icon=ft.Icons.BEDTIME_OUTLINED, outlined=True),
        big_button("End episode", lambda: session.guide_finish(True), icon=ft.Icons.CHECK_CIRCLE,
                   bgcolor=ft.Colors.PRIMARY, color=ft.Colors.ON_PRIMARY),
        big_button("Keep it open", lambda: session.guide_finish(False), outlined=True),
    ])
