"""'How is your pain now?': a banner with one-tap pain buttons once the open episode's reminder is due."""

from __future__ import annotations

import asyncio

import flet as ft

from app.domain.reminders import QUESTION, pain_reminder_due, reminder_key, seconds_until_reminder
from app.domain.words import ago
from app.ui.kit.boundary import component
from app.ui.kit.pain_buttons import PainButtons
from app.ui.kit.theme import TARGET
from app.ui.session import Session, now

MAX_WAIT = 600.0  # seconds between looks while the app stays open: the clock may jump


@component
def PainReminder(session: Session) -> ft.Control:
    """Shown on the next open or visit of home, and on time while the app is open."""
    tick, set_tick = ft.use_state(0)  # moved on when the reminder falls due while the app is open
    episode = session.active
    dismissed = session.settings.get("reminder_dismissed", "")
    when = now()

    async def wait_then_look() -> None:
        wait = seconds_until_reminder(episode, when)
        while wait is not None and wait > 0:
            await asyncio.sleep(min(wait, MAX_WAIT) + 1)
            wait = seconds_until_reminder(episode, now())
        if wait is not None:
            set_tick(tick + 1)

    def start() -> None:
        if seconds_until_reminder(episode, when):
            ft.context.page.run_task(wait_then_look)

    ft.use_effect(start, [reminder_key(episode)])
    if not pain_reminder_due(episode, when, dismissed):
        return ft.Container(visible=False)
    last = max(episode.pain, key=lambda p: p.at) if episode.pain else None
    since = f"Last score {last.score}, {ago(when - last.at)}." if last else "No pain score yet."
    return ft.Container(
        bgcolor=ft.Colors.PRIMARY_CONTAINER, border_radius=16, padding=14,
        margin=ft.Margin.symmetric(horizontal=12, vertical=6),
        content=ft.Column(spacing=10, controls=[
            ft.Semantics(live_region=True, content=ft.Text(
                QUESTION, size=22, weight=ft.FontWeight.BOLD, color=ft.Colors.ON_PRIMARY_CONTAINER)),
            ft.Text(f"{since} Tap a number: 0 is no pain, 10 the worst.", size=16,
                    color=ft.Colors.ON_PRIMARY_CONTAINER),
            PainButtons(session.log_pain, None),
            ft.TextButton("Not now", height=TARGET,
                          on_click=lambda: session.set_setting("reminder_dismissed", reminder_key(episode))),
        ]),
    )
