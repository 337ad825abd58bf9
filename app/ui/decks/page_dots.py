"""Page dots under a deck; the current page is a longer bar, not just another colour."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component


@component
def PageDots(index: int, count: int, deck_title: str) -> ft.Control:
    return ft.Semantics(
        label=f"{deck_title}: card {index + 1} of {count}",
        content=ft.Row(
            spacing=6,
            controls=[
                ft.Container(
                    width=22 if i == index else 8, height=8, border_radius=4,
                    bgcolor=ft.Colors.PRIMARY if i == index else ft.Colors.OUTLINE,
                )
                for i in range(count)
            ],
        ),
    )
