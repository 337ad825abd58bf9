"""Start/stop a card's countdown; shows time left, progress, round and breathing cue."""

from __future__ import annotations

import flet as ft

from app.content.schema import Card
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.timers.timers import Timers

LABELS = {"ice": "ice", "heat": "heat", "hold": "hold", "breath": "breathing"}


def clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


@component
def TimerPanel(card: Card, timers: Timers) -> ft.Control:
    timer = card.timer
    minutes, set_minutes = ft.use_state(timer.minutes)
    running = timers.running(card.id)
    what = LABELS[timer.kind]
    if running:
        status = f"{clock(timers.remaining)} left"
        if timers.reps > 1:
            status += f" · round {timers.rep} of {timers.reps}"
        if timers.breath:
            status = f"{timers.breath} · {status}"
        progress = 1 - timers.remaining / max(timers.total, 1)
    elif timers.done_card == card.id:
        status, progress = "Done. Well done.", 1.0
    else:
        length = clock(minutes * 60) if timer.choices else clock(timer.total_seconds)
        status = f"{length}" + (f" × {timer.repeats}" if timer.kind == "hold" else "")
        progress = 0.0
    done = timers.done_card == card.id and not running
    choices = [
        ft.Button(
            f"{m} min", height=TARGET, on_click=lambda _, m=m: set_minutes(m),
            style=ft.ButtonStyle(bgcolor=ft.Colors.PRIMARY_CONTAINER if m == minutes else None),
        )
        for m in timer.choices
    ] if not running else []
    return ft.Container(
        border=ft.Border.all(3 if done else 1, ft.Colors.PRIMARY),
        bgcolor=ft.Colors.PRIMARY_CONTAINER if done else None,
        border_radius=16, padding=14,
        content=ft.Column(spacing=10, controls=[
            ft.Semantics(live_region=True, label=f"{what} timer: {status}", content=ft.Text(
                status, size=30 if running or done else 22, weight=ft.FontWeight.BOLD)),
            ft.ProgressBar(value=progress, bar_height=10, border_radius=5),
            ft.Row(wrap=True, controls=[
                *choices,
                ft.Button(
                    f"Stop {what} timer" if running else f"Start {what} timer",
                    icon=ft.Icons.STOP if running else ft.Icons.PLAY_ARROW, height=TARGET,
                    on_click=(lambda: timers.stop()) if running else
                    (lambda: timers.start(card, minutes if timer.choices else None)),
                ),
            ]),
        ]),
    )
