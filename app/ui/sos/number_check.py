"""When the app cannot vouch for the number where the person is: say so, and offer the country picker."""

from __future__ import annotations

import flet as ft

from app.domain.regions import CHECK_LOCAL
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.session import Session


@component
def NumberCheck(session: Session, color: str | None = None) -> ft.Control:
    return ft.Column(spacing=6, controls=[
        ft.Text(CHECK_LOCAL, size=20, weight=ft.FontWeight.BOLD, color=color),
        ft.OutlinedButton(
            "Choose your country", icon=ft.Icons.PUBLIC, height=TARGET, on_click=session.open_settings,
            style=ft.ButtonStyle(color=color, side=ft.BorderSide(2, color)) if color else None,
        ),
    ])
