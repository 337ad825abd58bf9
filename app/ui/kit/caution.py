"""A caution in a calm, neutral box: red is kept for call-now signs and the call button."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component


@component
def Caution(text: str, size: int = 16) -> ft.Control:
    fg = ft.Colors.ON_SECONDARY_CONTAINER
    return ft.Container(
        bgcolor=ft.Colors.SECONDARY_CONTAINER, border_radius=12, padding=12,
        content=ft.Row(vertical_alignment=ft.CrossAxisAlignment.START, controls=[
            ft.Icon(ft.Icons.INFO_OUTLINE, color=fg, size=size + 4),
            ft.Text(text, size=size, color=fg, expand=True),
        ]),
    )
