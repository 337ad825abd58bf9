"""Save the log as a JSON or CSV file, or the doctor's summary, through the platform's save dialog."""

from __future__ import annotations

from datetime import UTC, date, datetime

import flet as ft

from app.domain.report import PeriodKey
from app.domain.words import count
from app.store import EpisodeLog, export_csv, export_json_file
from app.store.summary import summary_for


async def export_file(picker: ft.FilePicker, log: EpisodeLog, kind: str) -> str:
    """Offer the file to save, and say what was exported."""
    if kind == "json":  # compressed when plain JSON would be too big to import back
        file = export_json_file(log)
        data, extension, importable = file.data, file.extension, file.importable
    else:
        data, extension, importable = export_csv(log).encode("utf-8"), "csv", True
    name = f"spasm-sos-{date.today():%Y-%m-%d}.{extension}"
    await picker.save_file(file_name=name, src_bytes=data)
    said = f"Exported {count(len(log), 'episode')} as {name}."
    return said if importable else said + " It is too big to import back in one go."


async def export_summary(picker: ft.FilePicker, log: EpisodeLog, key: PeriodKey, show_notes: bool) -> str:
    """Offer the doctor's summary (one HTML page) to save, through the same dialog as the exports."""
    name, html = summary_for(log, key, datetime.now(UTC).astimezone(), show_notes)
    await picker.save_file(file_name=name, src_bytes=html.encode("utf-8"))
    return f"Saved {name}. It opens on any phone or computer, without internet, and prints on one page."
