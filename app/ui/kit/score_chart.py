"""A small 0-10 pain chart: axis and grid lines, one bar per point, time labels, a value on tap."""

from __future__ import annotations

from dataclasses import dataclass

import flet as ft

from app.ui.kit.boundary import component

PLOT = 110  # px for 0 to 10
TOP = 18  # room above a 10 for its value
BELOW = 9  # room under the 0 for its label
AXIS = 26
TICKS = (0, 5, 10)
HINT = "Tap a bar to see its score."


@dataclass(frozen=True)
class Point:
    score: int | None  # None: nothing scored (a day without a score)
    said: str  # what a tap (or a screen reader) tells: "Tue 01 Dec: worst pain 7"


def _y(value: int) -> float:
    return TOP + PLOT * (1 - value / 10)


def _axis() -> ft.Control:
    return ft.Stack(width=AXIS, height=TOP + PLOT + BELOW, controls=[
        ft.Text(str(v), size=12, right=4, top=_y(v) - 8, color=ft.Colors.ON_SURFACE_VARIANT) for v in TICKS
    ])


def _slot(point: Point, values: bool, picked: bool, pick) -> ft.Control:
    colour = ft.Colors.TERTIARY if picked else ft.Colors.PRIMARY
    bar = ft.Container(height=max(2, PLOT * (point.score or 0) / 10), border_radius=2,
                       bgcolor=colour if point.score is not None else ft.Colors.OUTLINE_VARIANT)
    parts: list[ft.Control] = [bar]
    if values and point.score is not None:
        parts.insert(0, ft.Text(str(point.score), size=12, text_align=ft.TextAlign.CENTER))
    column = ft.Column(spacing=0, alignment=ft.MainAxisAlignment.END,
                       horizontal_alignment=ft.CrossAxisAlignment.STRETCH, controls=parts)
    if point.score is None:
        return ft.Container(expand=True, height=TOP + PLOT, content=column)
    return ft.Container(expand=True, height=TOP + PLOT, content=column, tooltip=point.said, on_click=pick)


@component
def ScoreChart(points: list[Point], ticks: list[str], values: bool = False, gap: int = 1) -> ft.Control:
    """`ticks` spread under the bars, first at the left and last at the right; `values` prints each score."""
    picked, set_picked = ft.use_state(-1)
    grid = [ft.Container(left=0, right=0, top=_y(v), height=1, bgcolor=ft.Colors.OUTLINE_VARIANT)
            for v in TICKS]
    bars = ft.Row(left=0, right=0, top=0, bottom=BELOW, spacing=gap,
                  vertical_alignment=ft.CrossAxisAlignment.END,
                  controls=[_slot(p, values, i == picked, lambda _, i=i: set_picked(i))
                            for i, p in enumerate(points)])
    shown = points[picked].said if 0 <= picked < len(points) else HINT
    return ft.Column(spacing=4, controls=[
        ft.Row(spacing=0, vertical_alignment=ft.CrossAxisAlignment.START, controls=[
            _axis(),
            ft.Stack(expand=True, height=TOP + PLOT + BELOW, controls=[*grid, bars]),
        ]),
        ft.Container(padding=ft.Padding.only(left=AXIS), content=ft.Row(
            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
            controls=[ft.Text(t, size=12, color=ft.Colors.ON_SURFACE_VARIANT) for t in ticks])),
        ft.Text(shown, size=14, weight=ft.FontWeight.BOLD if shown != HINT else None),
    ])
