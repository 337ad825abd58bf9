"""Tells the person, in plain words, when their saved log could not be read and where it went."""

from __future__ import annotations

import flet as ft

from app.ui.session import Session


@ft.component
def ProblemBanner(session: Session) -> ft.Control:
    if not session.problem:
        return ft.Container(visible=False)
    return ft.Container(
        bgcolor=ft.Colors.ERROR_CONTAINER, padding=12,
        content=ft.Row(controls=[
            ft.Icon(ft.Icons.REPORT_PROBLEM_OUTLINED),
            ft.Text(session.problem, expand=True, size=16, selectable=True),
            ft.IconButton(ft.Icon(ft.Icons.CLOSE, semantics_label="Dismiss message"),
                          on_click=lambda: setattr(session, "problem", None)),
        ]),
    )
