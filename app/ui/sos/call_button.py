"""The emergency call as one big red tap: `tel:` opens inside the tap, as iOS requires."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.ui.kit.boundary import component
from app.ui.kit.theme import SOS_RED, WHITE


@component
def CallButton(number: str, label: str, on_click: Callable | None = None, inverse: bool = False,
               place: str | None = None) -> ft.Control:
    """Red on white when `inverse` (on the red emergency screen); white on red elsewhere; `place` below."""
    fg, bg = (SOS_RED, WHITE) if inverse else (WHITE, SOS_RED)
    return ft.Button(
        content=ft.Column(spacing=0, horizontal_alignment=ft.CrossAxisAlignment.CENTER, controls=[
            ft.Text(label, size=26, weight=ft.FontWeight.W_900, color=fg, text_align=ft.TextAlign.CENTER),
            *([ft.Text(place, size=14, color=fg, text_align=ft.TextAlign.CENTER)] if place else []),
        ]),
        icon=ft.Icon(ft.Icons.CALL, size=32, color=fg),
        bgcolor=bg, width=float("inf"), url=f"tel:{number}", on_click=on_click,
        style=ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=16, vertical=12),
                             shape=ft.RoundedRectangleBorder(radius=16)),
    )
