"""Saved rows that no longer pass the checks: shown plainly, each one deletable."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component
from app.ui.kit.heading import heading
from app.ui.kit.theme import TARGET
from app.ui.session import Session


@component
def InvalidRows(session: Session) -> ft.Control:
    rows = session.log.invalid_rows()
    if not rows:
        return ft.Container(visible=False)
    return ft.Column(spacing=8, controls=[
        heading(f"Entries that could not be read ({len(rows)})"),
        ft.Text("They are kept as they were saved. Delete one if it is not yours or is wrong.", size=16),
        *[ft.Row(controls=[
            ft.Text(f"{row.preview}: {row.reason}", size=15, expand=True),
            ft.Button("Delete", icon=ft.Icons.DELETE_OUTLINE, height=TARGET, color=ft.Colors.ERROR,
                      on_click=lambda _=None, key=row.key: session.delete(key)),
        ]) for row in rows],
    ])
