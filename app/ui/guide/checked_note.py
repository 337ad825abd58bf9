"""'You checked just now': shown when SOS found no sign minutes ago, with a way to check again."""

from __future__ import annotations

import flet as ft

from app.ui.kit.big import words
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.session import Session


@component
def CheckedNote(session: Session) -> ft.Control:
    if not session.guide.checked_recently:
        return ft.Container(visible=False)
    return ft.Row(wrap=True, vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
        words("You checked just now: no emergency signs.", size=20, color=ft.Colors.ON_SURFACE_VARIANT),
        ft.OutlinedButton(content=words("Check again", size=20), height=TARGET,
                          on_click=session.guide_recheck),
    ])
