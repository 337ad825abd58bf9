"""The end of a guided episode: pain then and now, what was done, and what to do next."""

from __future__ import annotations

import flet as ft

from app.domain.advice import doctor_nudge
from app.domain.guide import summary
from app.domain.words import duration
from app.ui.kit.big import big_button, title, words
from app.ui.kit.boundary import component
from app.ui.kit.pinned import Pinned
from app.ui.session import Session, now

PRIMARY = {"bgcolor": ft.Colors.PRIMARY, "color": ft.Colors.ON_PRIMARY}


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

    still_sore = s.still_sore
    keep = big_button("Leave it open (I'm still sore)", lambda: session.guide_finish(False),
                      outlined=not still_sore, **(PRIMARY if still_sore else {}))
    end = big_button("It has eased, end it", lambda: session.guide_finish(True), icon=ft.Icons.CHECK_CIRCLE,
                     outlined=still_sore, **({} if still_sore else PRIMARY))
    return Pinned(screen="summary", body=[
        title("How it went"),
        words(pain, weight=ft.FontWeight.BOLD),
        words(f"Time so far: {duration(s.took)}"),
        words("You did: " + (", ".join(s.done) if s.done else "nothing yet, and that is fine")),
        title("What next"),
        words(nudge.title, weight=ft.FontWeight.BOLD),
        words(nudge.text),
        big_button("Positions for the night", sleep_positions, icon=ft.Icons.BEDTIME_OUTLINED, outlined=True),
    ], answers=[keep, end] if still_sore else [end, keep])
