"""'Change start' and 'Change end': the clock face; the day stays unless the time crosses midnight."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import flet as ft

from app.domain.episode import Episode
from app.domain.onset import on_the_day
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.session import Session, now


def _picker(title: str, was: datetime, chosen: Callable[[datetime], None], **bounds) -> None:
    local = was.astimezone()

    def picked(e) -> None:
        if e.control.value is not None:
            chosen(on_the_day(e.control.value, local, **bounds))

    ft.context.page.show_dialog(ft.TimePicker(value=local.time(), help_text=title, confirm_text="Save",
                                              on_change=picked))


@component
def ChangeTimes(session: Session, episode: Episode) -> ft.Control:
    def start() -> None:
        _picker("When did it start?", episode.start, lambda at: session.retime(episode.id, start=at),
                not_after=episode.end or now())

    def end() -> None:
        _picker("When did it end?", episode.end or now(), lambda at: session.retime(episode.id, end=at),
                not_before=episode.start)

    buttons = [ft.OutlinedButton("Change start", icon=ft.Icons.SCHEDULE, height=TARGET, on_click=start)]
    if not episode.is_open:
        buttons.append(ft.OutlinedButton("Change end", icon=ft.Icons.SCHEDULE, height=TARGET, on_click=end))
    return ft.Row(wrap=True, controls=buttons)
