"""Export the log as JSON or CSV files, and import a JSON export, reporting what happened."""

from __future__ import annotations

import asyncio

import flet as ft
from flet.utils import is_pyodide

from app import uploads
from app.store import ImportRejected, import_json
from app.store.transfer import MAX_IMPORT_BYTES, ImportReport, check_import_size
from app.ui.kit.boundary import component
from app.ui.kit.exporting import export_file
from app.ui.kit.theme import TARGET
from app.ui.session import Session


async def _off_the_loop(fn, *args):
    """A big import is checked on a worker thread so other tabs of the server keep answering."""
    return fn(*args) if is_pyodide() else await asyncio.to_thread(fn, *args)


UPLOAD_WAIT = 300.0  # seconds for a picked file (at most MAX_IMPORT_BYTES) to reach the server
PICK = {"allowed_extensions": ["json", "gz"], "file_type": ft.FilePickerFileType.CUSTOM}


class _NotRead(ImportRejected):
    def __init__(self, why: str) -> None:
        super().__init__(ImportReport(errors=(why,)))


class Importer:
    """The import's file picker, and the upload reports it waits on (server mode)."""

    def __init__(self) -> None:
        self.waiting: dict[str, asyncio.Future] = {}
        self.picker = ft.FilePicker(on_upload=self._report)

    async def _report(self, e: ft.FilePickerUploadEvent) -> None:
        done = self.waiting.get(e.file_name)
        if done is None or done.done():
            return
        if e.error:
            done.set_result(e.error)
        elif e.progress is not None and e.progress >= 1:
            done.set_result(None)

    async def pick(self, page: ft.Page) -> bytes | None:
        """The picked file's bytes, or None when nothing was picked.

        Raises ImportTooLarge from the file's size alone, before any of its bytes is sent: in
        server mode the bytes then come by HTTP upload, never inside a WebSocket message, whose
        16 MiB limit would close the session (app/uploads.py).
        """
        if is_pyodide() or (page.web and not uploads.enabled()):
            # the PWA: the bytes come through the browser's worker, not a WebSocket
            files = await self.picker.pick_files(with_data=True, **PICK)
            if not files:
                return None
            check_import_size(files[0].size)
            return files[0].bytes or b""
        files = await self.picker.pick_files(with_data=False, **PICK)
        if not files:
            return None
        file = files[0]
        check_import_size(file.size)
        if file.size == 0:
            return b""
        if not page.web:  # a phone or desktop build: the picked file is on this device
            if not file.path:
                raise _NotRead("the file could not be opened on this device")
            return await _off_the_loop(_read, file.path)
        return await self._upload(page, file)

    async def _upload(self, page: ft.Page, file: ft.FilePickerFile) -> bytes:
        name = uploads.new_name()
        done = asyncio.get_running_loop().create_future()
        self.waiting[file.name] = done
        try:
            await self.picker.upload([ft.FilePickerUploadFile(
                upload_url=page.get_upload_url(name, int(UPLOAD_WAIT)), id=file.id, name=file.name)])
            error = await asyncio.wait_for(done, UPLOAD_WAIT)
        except TimeoutError:
            error = "it took too long"
        finally:
            self.waiting.pop(file.name, None)
        if error:
            uploads.discard(name)
            raise _NotRead(f"the file did not reach the app ({str(error)[:160]})")
        data = await _off_the_loop(uploads.take, name, MAX_IMPORT_BYTES)
        if data is None:
            raise _NotRead("the file did not reach the app")
        return data


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read(MAX_IMPORT_BYTES + 1)


@component
def TransferButtons(session: Session, heading: bool = True) -> ft.Control:
    message, set_message = ft.use_state("")
    importer = ft.use_memo(Importer, [])
    picker = importer.picker

    async def export(kind: str) -> None:
        set_message(await export_file(picker, session.log, kind))

    async def export_json_file() -> None:
        await export("json")

    async def export_csv_file() -> None:
        await export("csv")

    async def import_file() -> None:
        try:
            data = await importer.pick(ft.context.page)
            if data is None:
                return
            report = await _off_the_loop(import_json, session.log, data)
        except ImportRejected as exc:
            said = "Nothing was imported: " + "; ".join(exc.report.errors)
        else:
            session.revision += 1
            said = report.summary
        set_message(said)
        # The log grows above these buttons, pushing the line below the fold: say it where the person is.
        ft.context.page.show_dialog(ft.SnackBar(
            ft.Text(said, size=16), duration=10_000, show_close_icon=True,
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
