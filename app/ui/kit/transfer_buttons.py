"""Export the log as JSON or CSV files, and import a JSON export, reporting what happened."""

from __future__ import annotations

import asyncio

import flet as ft
from flet.utils import is_pyodide

from app.store import ImportRejected, import_json
from app.ui.kit.boundary import component
from app.ui.kit.exporting import export_file
from app.ui.kit.theme import TARGET
from app.ui.session import Session


async def _off_the_loop(fn, *args):
    """A big import is checked on a worker thread so other tabs of the server keep answering."""
    return fn(*args) if is_pyodide() else await asyncio.to_thread(fn, *args)


@component
def TransferButtons(session: Session, heading: bool = True) -> ft.Control:
    message, set_message = ft.use_state("")
    picker = ft.use_memo(ft.FilePicker, [])

    async def export(kind: str) -> None:
        set_message(await export_file(picker, session.log, kind))

    async def export_json_file() -> None:
        await export("json")

    async def export_csv_file() -> None:
        await export("csv")

    async def import_file() -> None:
        files = await picker.pick_files(allowed_extensions=["json", "gz"], with_data=True,
                                        file_type=ft.FilePickerFileType.CUSTOM)
        if not files:
            return
        data = files[0].bytes
        if data is None and files[0].path:
            with open(files[0].path, "rb") as f:
                data = f.read()
        try:
            report = await _off_the_loop(import_json, session.log, data or b"")
        except ImportRejected as exc:
            set_message("Nothing was imported: " + "; ".join(exc.report.errors))
            return
        session.revision += 1
        set_message(report.summary)
        # The log grows above these buttons, pushing the line below the fold: say it where the person is.
        ft.context.page.show_dialog(ft.SnackBar(
            ft.Text(report.summary, size=16), duration=10_000, show_close_icon=True,
            behavior=ft.SnackBarBehavior.FLOATING, margin=ft.Margin.only(left=16, right=16, bottom=96)))

    return ft.Column(spacing=8, controls=[
        ft.Text("Your data", size=20, weight=ft.FontWeight.BOLD, visible=heading),
        ft.Row(wrap=True, controls=[
            ft.OutlinedButton("Export JSON", icon=ft.Icons.DOWNLOAD, height=TARGET,
                              on_click=export_json_file),
            ft.OutlinedButton("Export CSV", icon=ft.Icons.TABLE_VIEW, height=TARGET,
                              on_click=export_csv_file),
            ft.OutlinedButton("Import JSON", icon=ft.Icons.UPLOAD_FILE, height=TARGET,
                              on_click=import_file),
        ]),
        ft.Semantics(live_region=True, content=ft.Text(message, size=16)) if message
        else ft.Container(visible=False),
    ])
