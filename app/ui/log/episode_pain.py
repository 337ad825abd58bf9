"""Every pain score of one episode on a small 0-10 chart, with its times, and the same scores in words."""

from __future__ import annotations

from datetime import datetime

import flet as ft

from app.domain.episode import Episode
from app.ui.kit.score_chart import Point, ScoreChart

VALUES_UP_TO = 16  # more bars than this: the values come on tap only


def when(at: datetime, first: datetime) -> str:
    """The time of day; with the day as well once the episode has run past its first day."""
    local = at.astimezone()
    return f"{local:%H:%M}" if local.date() == first.astimezone().date() else f"{local:%a %H:%M}"


def pain_words(episode: Episode) -> str:
    """'Pain 8 at 08:10, 6 at 08:40, 3 at 09:30': every score with its time, in order."""
    readings = sorted(episode.pain, key=lambda r: r.at)
    said = [f"{r.score} at {when(r.at, episode.start)}" for r in readings]
    return ("Pain " + ", ".join(said)) if said else "No pain score was given."


def pain_chart(episode: Episode) -> ft.Control:
    readings = sorted(episode.pain, key=lambda r: r.at)
    if not readings:
        return ft.Text(pain_words(episode), size=16)
    points = [Point(r.score, f"{when(r.at, episode.start)}: pain {r.score}/10") for r in readings]
    first, last = when(readings[0].at, episode.start), when(readings[-1].at, episode.start)
    ticks = [first, last] if len(readings) > 1 else [first]
    few = len(points) <= VALUES_UP_TO
    return ft.Column(spacing=4, controls=[
        ScoreChart(points, ticks, values=few, gap=6 if few else 1),
        ft.Text(pain_words(episode), size=16),
    ])
