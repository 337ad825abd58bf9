"""Top bar: app title, settings, and the SOS button that is one tap away on every screen."""

from __future__ import annotations

import flet as ft

from app.ui.kit.heading import heading
from app.ui.kit.theme import SOS_RED, TARGET, WHITE
from app.ui.session import Session


def top_bar(session: Session, on_red: bool = False) -> ft.Control:
    fg = WHITE if on_red else None
    return ft.Container(padding=ft.Padding.only(left=12, top=4, bottom=4), content=ft.Row(
        controls=[
            heading("Spasm SOS", level=1, size=16, expand=True, color=fg, no_wrap=True),
            ft.IconButton(
                icon=ft.Icon(ft.Icons.SETTINGS_OUTLINED, semantics_label="Settings", color=fg), icon_size=28,
                width=TARGET, height=TARGET, on_click=session.open_settings,
            ),
            ft.Container(
                padding=ft.Padding.only(right=8, left=4),
                content=ft.Button(
                    content=ft.Text("SOS", size=18, weight=ft.FontWeight.W_900, color=WHITE),
                    icon=ft.Icon(ft.Icons.EMERGENCY, color=WHITE),
                    bgcolor=SOS_RED, height=TARGET,
                    style=ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=12)),
                    on_click=session.open_sos,
                ),
            ),
        ],
    ))
