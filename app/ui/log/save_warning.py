"""A warning that stays while changes are not saved, with the export that keeps a copy."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component
from app.ui.kit.exporting import export_file
from app.ui.kit.theme import TARGET
from app.ui.session import Session


@component
def SaveWarning(session: Session) -> ft.Control:
    picker = ft.use_memo(ft.FilePicker, [])
    message, set_message = ft.use_state("")
    if not session.save_error:
        return ft.Container(visible=False)

    async def export_now() -> None:
        set_message(await export_file(picker, session.log, "json"))

    fg = ft.Colors.ON_ERROR_CONTAINER
    return ft.Semantics(live_region=True, content=ft.Container(
        bgcolor=ft.Colors.ERROR_CONTAINER, padding=ft.Padding.symmetric(horizontal=12, vertical=8),
        content=ft.Column(spacing=6, controls=[
            ft.Row(controls=[
                ft.Icon(ft.Icons.SAVE_OUTLINED, color=fg),
                ft.Text(session.save_error, expand=True, size=17, color=fg, weight=ft.FontWeight.BOLD),
            ]),
            ft.Button("Export now", icon=ft.Icons.DOWNLOAD, height=TARGET, on_click=export_now),
            ft.Text(message, size=15, color=fg, visible=bool(message)),
        ]),
    ))
