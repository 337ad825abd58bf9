"""Save the log as a JSON or CSV file through the platform's save dialog."""

from __future__ import annotations

from datetime import date

import flet as ft

from app.store import EpisodeLog, export_csv, export_json


async def export_file(picker: ft.FilePicker, log: EpisodeLog, kind: str) -> str:
    """Offer the file to save, and say what was exported."""
    text = export_json(log) if kind == "json" else export_csv(log)
    name = f"spasm-sos-{date.today():%Y-%m-%d}.{kind}"
    await picker.save_file(file_name=name, src_bytes=text.encode("utf-8"))
    return f"Exported {len(log)} episodes as {name}."
