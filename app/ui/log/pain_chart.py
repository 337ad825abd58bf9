"""Worst pain per day over the last 30 or 90 days, as simple bars with a spoken summary."""

from __future__ import annotations

import flet as ft

from app.domain.words import count
from app.ui.kit.boundary import component
from app.ui.kit.heading import heading
from app.ui.kit.theme import TARGET
from app.ui.session import Session, now

HEIGHT = 110


def daily_peaks(session: Session, days: int) -> list[int | None]:
    today = now().date()
    peaks: dict[int, int] = {}
    for episode in session.log.newest_first():
        for reading in episode.pain:
            age = (today - reading.at.astimezone().date()).days
            if 0 <= age < days:
                peaks[age] = max(peaks.get(age, 0), reading.score)
    return [peaks.get(age) for age in range(days - 1, -1, -1)]


@component
def PainChart(session: Session) -> ft.Control:
    days, set_days = ft.use_state(30)
    peaks = ft.use_memo(lambda: daily_peaks(session, days), [session.revision, days])
    scored = [p for p in peaks if p is not None]
    summary = (f"Pain chart, last {days} days: {count(len(scored), 'day')} with scores, "
               f"highest {max(scored)}" if scored else f"No pain scores in the last {days} days")
    bars = [
        ft.Container(
            expand=True, height=max(2, HEIGHT * (p or 0) / 10), border_radius=2,
            bgcolor=ft.Colors.PRIMARY if p is not None else ft.Colors.OUTLINE_VARIANT,
        )
        for p in peaks
    ]
    return ft.Column(spacing=8, controls=[
        ft.Row(controls=[
            heading("Pain by day", expand=True),
            ft.SegmentedButton(
                selected=[str(days)], on_change=lambda e: set_days(int(e.control.selected[0])),
                segments=[ft.Segment(value=str(d), label=ft.Text(f"{d} days")) for d in (30, 90)],
                height=TARGET,
            ),
        ]),
        ft.Semantics(label=summary, content=ft.Container(
            height=HEIGHT, content=ft.Row(spacing=1, vertical_alignment=ft.CrossAxisAlignment.END,
                                          controls=bars)), visible=bool(scored)),
        ft.Text(summary, size=14),
    ])
