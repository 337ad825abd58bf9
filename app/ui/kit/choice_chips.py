"""Tap-to-toggle chips for triggers and what helped; chosen chips show a tick, not just colour."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.ui.kit.boundary import component


@component
def ChoiceChips(options: list[tuple[str, str]], chosen: list[str],
                on_toggle: Callable[[str], None]) -> ft.Control:
    return ft.Row(wrap=True, spacing=8, run_spacing=8, controls=[
        ft.Chip(
            label=ft.Text(label, size=16), selected=cid in chosen, show_checkmark=True,
            height=48, on_select=lambda _, cid=cid: on_toggle(cid),
        )
        for cid, label in options
    ])
