"""A screen's title with Back beside it, kept above the scrolling content so Back never scrolls away."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.ui.kit.heading import heading
from app.ui.kit.theme import TARGET


def with_header(title: str, on_back: Callable[[], None], body: ft.Control) -> ft.Control:
    """Back and the title in a fixed row, then `body` (the screen's scrolling list) below it."""
    return ft.Column(expand=True, spacing=0, controls=[
        ft.Container(padding=ft.Padding.only(left=8, right=16, top=4), content=ft.Row(controls=[
            ft.IconButton(ft.Icon(ft.Icons.ARROW_BACK, semantics_label="Back"), width=TARGET, height=TARGET,
                          on_click=on_back),
            heading(title, size=26, expand=True),
        ])),
        body,
    ])
