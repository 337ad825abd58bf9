"""The person's own number as an extra call button: always beside the emergency number, never in its place."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET


def own_label(own: str) -> str:
    return f"Your own number ({own})"


@component
def OwnNumberButton(own: str, color: str | None = None) -> ft.Control:
    """An outlined call button, smaller than the emergency one; nothing when no own number is set."""
    if not own:
        return ft.Container(visible=False)
    return ft.OutlinedButton(
        content=ft.Text(own_label(own), size=18, weight=ft.FontWeight.BOLD, color=color),
        icon=ft.Icon(ft.Icons.CALL, color=color), url=f"tel:{own}", height=TARGET, width=float("inf"),
        style=ft.ButtonStyle(side=ft.BorderSide(2, color) if color else None,
                             shape=ft.RoundedRectangleBorder(radius=16)),
    )
