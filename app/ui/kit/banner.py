"""A dismissable message across the top: store problems, or the calm 'no red flags' note."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.ui.kit.boundary import component

TONES = {
    "problem": (ft.Icons.REPORT_PROBLEM_OUTLINED, ft.Colors.ERROR_CONTAINER, ft.Colors.ON_ERROR_CONTAINER),
    "calm": (ft.Icons.CHECK_CIRCLE_OUTLINE, ft.Colors.TERTIARY_CONTAINER, ft.Colors.ON_TERTIARY_CONTAINER),
}


@component
def Banner(text: str | None, tone: str, on_close: Callable[[], None]) -> ft.Control:
    if not text:
        return ft.Container(visible=False)
    icon, bg, fg = TONES[tone]
    # Its own semantics node: otherwise the screen's main region takes the message as its name.
    return ft.Semantics(container=True, live_region=True, content=ft.Container(
        bgcolor=bg, padding=ft.Padding.only(left=12, top=8, bottom=8),
        content=ft.Row(controls=[
            ft.Icon(icon, color=fg),
            ft.Text(text, expand=True, size=17, color=fg),
            ft.IconButton(ft.Icon(ft.Icons.CLOSE, color=fg, semantics_label="Dismiss message"),
                          width=56, height=56, on_click=on_close),
        ]),
    ))
