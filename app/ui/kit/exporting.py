"""Save the log as a JSON or CSV file, or the doctor's summary, through the platform's save dialog."""

from __future__ import annotations

from datetime import UTC, date, datetime

import flet as ft

from app.domain.report import PeriodKey
from app.store import EpisodeLog, export_csv, export_json
from app.store.summary import summary_for


async def export_file(picker: ft.FilePicker, log: EpisodeLog, kind: str) -> str:
    """Offer the file to save, and say what was exported."""
    text = export_json(log) if kind == "json" else export_csv(log)
    name = f"spasm-sos-{date.today():%Y-%m-%d}.{kind}"
    await picker.save_file(file_name=name, src_bytes=text.encode("utf-8"))
    return f"Exported {len(log)} episodes as {name}."


async def export_summary(picker: ft.FilePicker, log: EpisodeLog, key: PeriodKey, show_notes: bool) -> str:
    """Offer the doctor's summary (one HTML page) to save, through the same dialog as the exports."""
    name, html = summary_for(log, key, datetime.now(UTC).astimezone(), show_notes)
    await picker.save_file(file_name=name, src_bytes=html.encode("utf-8"))
    return f"Saved {name}. It opens on any phone or computer, without internet, and prints on one page."
