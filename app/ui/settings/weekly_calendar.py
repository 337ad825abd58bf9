"""'Add a weekly check to my calendar': an .ics file with a weekly alarm, saved like the exports."""

from __future__ import annotations

import flet as ft

from app.domain.peg import next_due
from app.domain.weekly_calendar import FILE_NAME, first_check, weekly_check_ics
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.session import Session, now

SAVED = (f"Saved {FILE_NAME}. Open it to add the weekly check to your phone's calendar: "
         "the calendar reminds you, even when this app is closed.")


async def save_calendar(picker: ft.FilePicker, session: Session) -> str:
    """Offer the calendar file through the platform's save dialog (or download), as the exports are."""
    when = now()
    text = weekly_check_ics(first_check(when, next_due(session.log.pegs())), when)
    await picker.save_file(file_name=FILE_NAME, src_bytes=text.encode("utf-8"))
    return SAVED


@component
def WeeklyCalendar(session: Session) -> ft.Control:
    message, set_message = ft.use_state("")
    picker = ft.use_memo(ft.FilePicker, [])

    async def save() -> None:
        set_message(await save_calendar(picker, session))

    return ft.Column(spacing=6, controls=[
        ft.Text("A reminder once a week, at 10:00, to answer the three weekly questions.", size=16),
        ft.OutlinedButton("Add a weekly check to my calendar", icon=ft.Icons.EVENT_REPEAT,
                          height=TARGET, on_click=save),
        ft.Semantics(live_region=True, content=ft.Text(message, size=16)) if message
        else ft.Container(visible=False),
    ])
