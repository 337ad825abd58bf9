"""A bar on every screen while a timer runs (time left, round, progress, Stop), and a signal at its end."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.timers.panel import LABELS, clock
from app.ui.timers.timers import Timers


@component
def TimerStrip(timers: Timers) -> ft.Control:
    progress = None
    if timers.card_id:
        rounds = f" · round {timers.rep} of {timers.reps}" if timers.reps > 1 else ""
        named = f"Round {timers.rep} of {timers.reps} · {timers.title}" if timers.reps > 1 else timers.title
        icon, text = ft.Icons.TIMER_OUTLINED, f"{clock(timers.remaining)} left · {timers.title}{rounds}"
        lines = (f"{clock(timers.remaining)} left", named)
        stop = ft.Text("Stop", size=17, semantics_label=f"Stop {LABELS[timers.kind]} timer")
        action = ft.TextButton(content=stop, icon=ft.Icons.STOP_CIRCLE_OUTLINED, height=TARGET,
                               on_click=timers.stop)
        bg, fg = ft.Colors.PRIMARY_CONTAINER, ft.Colors.ON_PRIMARY_CONTAINER
        progress = 1 - timers.remaining / timers.total if timers.total else 0
    elif timers.done_card:
        icon, text = ft.Icons.ALARM_ON, f"Time is up: {timers.title}"
        lines = ("Time is up", timers.title)
        action = ft.TextButton("OK", height=TARGET, on_click=timers.dismiss)
        bg, fg = ft.Colors.TERTIARY_CONTAINER, ft.Colors.ON_TERTIARY_CONTAINER
    else:
        return ft.Container(visible=False)
    return ft.Container(
        bgcolor=bg,
        content=ft.Column(spacing=0, controls=[
            ft.Container(padding=ft.Padding.only(left=12, right=4), content=ft.Row(controls=[
                ft.Icon(icon, color=fg),
                # Time left on one line, the step's name below: at 200% text neither pushes Stop away.
                ft.Semantics(live_region=True, label=text, expand=True,
                             content=ft.Column(spacing=0, controls=[
                                 ft.Text(lines[0], size=17, color=fg, weight=ft.FontWeight.BOLD, max_lines=1,
                                         overflow=ft.TextOverflow.ELLIPSIS),
                                 ft.Text(lines[1], size=14, color=fg, max_lines=1,
                                         overflow=ft.TextOverflow.ELLIPSIS),
                             ])),
                action,
            ])),
            *([ft.ProgressBar(value=progress, color=fg, bgcolor=bg, bar_height=6)] if progress is not None
              else []),
        ]),
    )
