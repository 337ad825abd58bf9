"""A slim bar on every screen while a timer runs, and a clear signal when it ends."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.timers.panel import LABELS, clock
from app.ui.timers.timers import Timers


@component
def TimerStrip(timers: Timers) -> ft.Control:
    if timers.card_id:
        icon, text = ft.Icons.TIMER_OUTLINED, f"{clock(timers.remaining)} left · {timers.title}"
        action = ft.TextButton(f"Stop {LABELS[timers.kind]} timer", height=TARGET, on_click=timers.stop)
        bg, fg = ft.Colors.PRIMARY_CONTAINER, ft.Colors.ON_PRIMARY_CONTAINER
    elif timers.done_card:
        icon, text = ft.Icons.ALARM_ON, f"Time is up: {timers.title}"
        action = ft.TextButton("OK", height=TARGET, on_click=timers.dismiss)
        bg, fg = ft.Colors.TERTIARY_CONTAINER, ft.Colors.ON_TERTIARY_CONTAINER
    else:
        return ft.Container(visible=False)
    return ft.Container(
        bgcolor=bg, padding=ft.Padding.only(left=12, right=4),
        content=ft.Row(controls=[
            ft.Icon(icon, color=fg),
            ft.Semantics(live_region=True, label=text, expand=True,
                         content=ft.Text(text, size=17, color=fg, weight=ft.FontWeight.BOLD, max_lines=1,
                                         overflow=ft.TextOverflow.ELLIPSIS)),
            action,
        ]),
    )
