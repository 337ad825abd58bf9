"""The front door: the largest thing on the first screen starts (or resumes) the guided episode."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component
from app.ui.kit.theme import NAVY, WHITE
from app.ui.session import Session


@component
def HelpNowButton(session: Session) -> ft.Control:
    resuming = session.active is not None
    return ft.Container(padding=ft.Padding.symmetric(horizontal=12, vertical=8), content=ft.Button(
        content=ft.Column(spacing=0, horizontal_alignment=ft.CrossAxisAlignment.CENTER, controls=[
            ft.Text("Help me now", size=28, weight=ft.FontWeight.W_900, color=WHITE,
                    text_align=ft.TextAlign.CENTER),
            ft.Text("Back to where you were" if resuming else "One step at a time", size=18, color=WHITE,
                    text_align=ft.TextAlign.CENTER),
        ]),
        width=float("inf"), bgcolor=NAVY, on_click=session.open_guide,  # grows with large text
        style=ft.ButtonStyle(shape=ft.RoundedRectangleBorder(radius=20),
                             padding=ft.Padding.symmetric(horizontal=12, vertical=16)),
    ))
