"""A later check that never blocks relief: tick the signs that mean a doctor today or within days."""

from __future__ import annotations

import flet as ft

from app.domain.guide import urgent_check_flags
from app.ui.kit.big import big_button, title, words
from app.ui.kit.boundary import component
from app.ui.kit.pinned import Pinned
from app.ui.kit.theme import TARGET, amber
from app.ui.session import Session


@component
def GuideUrgent(session: Session) -> ft.Control:
    ticked, set_ticked = ft.use_state(())

    def toggle(flag_id: str) -> None:
        set_ticked(tuple(t for t in ticked if t != flag_id) if flag_id in ticked else (*ticked, flag_id))

    rows = [ft.Container(on_click=lambda _=None, f=f.id: toggle(f), content=ft.Row(controls=[
        ft.Checkbox(value=f.id in ticked, semantics_label=f.label, width=TARGET, height=TARGET,
                    on_change=lambda _=None, f=f.id: toggle(f)),
        words(f.label, size=20, expand=True),
    ])) for f in urgent_check_flags()]
    bg, fg = amber(session.dark)
    count = len(ticked)
    return Pinned(screen="urgent", body=[
        title("One more check"),
        words("Tick any that apply to you. None is the usual answer."),
        *rows,
    ], answers=[
        big_button(f"Check {count} sign{'s' if count != 1 else ''}",
                   lambda: session.guide_urgent(list(ticked)), bgcolor=bg, color=fg) if count else
        big_button("None of these", lambda: session.guide_urgent([])),
    ])
