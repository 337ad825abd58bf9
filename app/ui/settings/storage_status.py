"""Settings: where the log is kept, whether the browser promises to keep it, and the space used."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component
from app.ui.session import Session


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n < 1024 ** 3 else f"{n / 1024 ** 3:.1f} GB"


def describe(status) -> list[str]:
    """Plain lines for a StorageStatus (persisted, used, quota); unknown parts are left out."""
    lines = []
    if status.persisted is not None:
        lines.append("The browser keeps this data even when space runs low." if status.persisted else
                     "The browser may clear this data if the phone runs out of space: export now and then.")
    if status.used is not None and status.available is not None:
        lines.append(f"{_size(status.used)} used, {_size(status.available)} free for this app.")
    return lines


@component
def StorageStatus(session: Session) -> ft.Control:
    lines, set_lines = ft.use_state(None)
    backend = session.log.backend

    async def ask() -> None:
        set_lines(describe(await backend.storage_status()))

    def start() -> None:
        if hasattr(backend, "storage_status"):  # the browser's storage; a file needs no such note
            ft.context.page.run_task(ask)

    ft.use_effect(start, [])
    saved = "Everything is saved." if session.log.saved else (session.save_error or "Not saved.")
    shown = [saved, *(lines or [])]
    return ft.Column(spacing=4, controls=[ft.Text(line, size=16) for line in shown])
