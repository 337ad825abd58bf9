"""Worst pain per day over the last 30 or 90 days: a 0-10 chart, day labels, each day's score on tap."""

from __future__ import annotations

from datetime import date, timedelta

import flet as ft

from app.domain.words import count
from app.ui.kit.boundary import component
from app.ui.kit.heading import heading
from app.ui.kit.score_chart import Point, ScoreChart
from app.ui.kit.theme import TARGET
from app.ui.session import Session, now


def daily_peaks(session: Session, days: int) -> list[int | None]:
    today = now().date()
    peaks: dict[int, int] = {}
    for episode in session.log.newest_first():
        for reading in episode.pain:
            age = (today - reading.at.astimezone().date()).days
            if 0 <= age < days:
                peaks[age] = max(peaks.get(age, 0), reading.score)
    return [peaks.get(age) for age in range(days - 1, -1, -1)]


def day_points(peaks: list[int | None], today: date) -> list[Point]:
    """One point a day, oldest first, each telling its day and worst pain."""
    first = today - timedelta(days=len(peaks) - 1)
    days = [first + timedelta(days=i) for i in range(len(peaks))]
    return [Point(p, f"{d:%a %d %b}: " + ("no score" if p is None else f"worst pain {p}/10"))
            for d, p in zip(days, peaks, strict=True)]


def day_ticks(days: int, today: date) -> list[str]:
    """The first day, the middle one and today, under the chart."""
    first, middle = today - timedelta(days=days - 1), today - timedelta(days=days // 2)
    return [f"{first:%d %b}", f"{middle:%d %b}", "Today"]


@component
def PainChart(session: Session) -> ft.Control:
    days, set_days = ft.use_state(30)
    peaks = ft.use_memo(lambda: daily_peaks(session, days), [session.revision, days])
    today = now().date()
    scored = [p for p in peaks if p is not None]
    summary = (f"Pain chart, last {days} days: {count(len(scored), 'day')} with scores, "
               f"highest {max(scored)}" if scored else f"No pain scores in the last {days} days")
    return ft.Column(spacing=8, controls=[
        ft.Row(controls=[
            heading("Pain by day", expand=True),
            ft.SegmentedButton(
                selected=[str(days)], on_change=lambda e: set_days(int(e.control.selected[0])),
                segments=[ft.Segment(value=str(d), label=ft.Text(f"{d} days")) for d in (30, 90)],
                height=TARGET,
            ),
        ]),
        ft.Container(visible=bool(scored), content=ScoreChart(day_points(peaks, today),
                                                              day_ticks(days, today), key=str(days))),
        ft.Text(summary, size=14),
    ])
