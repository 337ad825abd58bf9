"""Pain 0-10 as big one-tap buttons in three even rows; the last score is marked by a border too."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET


@component
def PainButtons(on_pick: Callable[[int], None], selected: int | None) -> ft.Control:
    def button(score: int) -> ft.Control:
        chosen = score == selected
        return ft.Button(
            content=ft.Text(str(score), size=22, weight=ft.FontWeight.BOLD,
                            semantics_label=f"Pain {score}"),
            expand=True, height=TARGET,
            style=ft.ButtonStyle(
                padding=0, shape=ft.RoundedRectangleBorder(radius=12),
                bgcolor=ft.Colors.PRIMARY if chosen else None,
                color=ft.Colors.ON_PRIMARY if chosen else None,
                side=ft.BorderSide(3, ft.Colors.ON_SURFACE) if chosen else None,
            ),
            on_click=lambda: on_pick(score),
        )

    return ft.Column(spacing=8, controls=[
        ft.Row(spacing=8, controls=[button(s) if s <= 10 else ft.Container(expand=True)
                                    for s in range(start, start + 4)])
        for start in (0, 4, 8)
    ])
