"""One tap to start logging a spasm: now, or earlier (minutes ago, this morning, yesterday evening)."""

from __future__ import annotations

import flet as ft

from app.domain.onset import start_choices
from app.ui.kit.boundary import component
from app.ui.kit.start_time import start_time_button
from app.ui.kit.theme import TARGET
from app.ui.session import Session, now


@component
def QuickStart(session: Session) -> ft.Control:
    return ft.Column(spacing=10, controls=[
        ft.Button(  # no fixed height: at large text the label wraps and the button grows
            content=ft.Text("I'm having a spasm", size=24, weight=ft.FontWeight.BOLD,
                            text_align=ft.TextAlign.CENTER),
            icon=ft.Icon(ft.Icons.ADD_CIRCLE, size=32), width=float("inf"),
            style=ft.ButtonStyle(shape=ft.RoundedRectangleBorder(radius=16),
                                 padding=ft.Padding.symmetric(horizontal=16, vertical=24)),
            on_click=lambda: session.start_episode(0),
        ),
        ft.Text("It started earlier:", size=16),
        ft.Row(wrap=True, spacing=8, run_spacing=8, controls=[
            ft.OutlinedButton(label, height=TARGET, on_click=lambda _, m=m: session.start_episode(m))
            for label, m in start_choices(now())[1:]
        ] + [start_time_button(session.start_episode)]),
    ])
