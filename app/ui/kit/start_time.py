"""'Pick the time': the clock face, for a spasm that began at a time the quick answers do not name."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.domain.onset import minutes_since
from app.ui.kit.theme import TARGET
from app.ui.session import now


def start_time_button(on_minutes: Callable[[int], None], **kw) -> ft.Control:
    """A button that opens Flutter's time picker; the time chosen goes to `on_minutes` as minutes ago."""
    def picked(e) -> None:
        if e.control.value is not None:
            on_minutes(minutes_since(e.control.value, now()))

    def open_picker() -> None:
        ft.context.page.show_dialog(ft.TimePicker(value=now().time(), help_text="When did it start?",
                                                  confirm_text="Start from then", on_change=picked))

    return ft.OutlinedButton("Pick the time", icon=ft.Icons.SCHEDULE, height=TARGET, on_click=open_picker,
                             **kw)
