"""One guidance card: picture, title, numbered steps, timer, caution, evidence and sources."""

from __future__ import annotations

import flet as ft

from app.content.loader import library
from app.content.schema import Card
from app.ui.theme import WHITE
from app.ui.timer_panel import TimerPanel
from app.ui.timers import Timers


def _box(icon: str, text: str, bgcolor: str, color: str) -> ft.Control:
    return ft.Container(
        bgcolor=bgcolor, border_radius=12, padding=12,
        content=ft.Row(vertical_alignment=ft.CrossAxisAlignment.START, controls=[
            ft.Icon(icon, color=color), ft.Text(text, size=16, expand=True, selectable=True, color=color),
        ]),
    )


@ft.component
def CardPage(card: Card, timers: Timers, suggested: str | None = None) -> ft.Control:
    """`suggested` is "ice" or "heat" when the active episode's phase recommends one."""
    lib = library()
    sources = ", ".join(lib.source(s).title for s in card.sources)
    header: list[ft.Control] = []
    if card.timer and card.timer.kind == suggested:
        header.append(ft.Container(
            bgcolor=ft.Colors.PRIMARY, border_radius=8,
            padding=ft.Padding.symmetric(vertical=4, horizontal=10),
            content=ft.Text("Suggested for your episode now", color=ft.Colors.ON_PRIMARY,
                            weight=ft.FontWeight.BOLD),
        ))
    return ft.ListView(
        padding=ft.Padding.symmetric(vertical=12, horizontal=16),
        spacing=12,
        controls=[
            *header,
            ft.Container(  # the line art is drawn for a light ground, so it keeps one in dark mode
                bgcolor=WHITE, border_radius=16, padding=8,
                content=ft.Image(src=f"illustrations/{card.illustration}.svg", height=190,
                                 fit=ft.BoxFit.CONTAIN, semantics_label=f"Picture: {card.title}"),
            ),
            ft.Text(card.title, size=26, weight=ft.FontWeight.BOLD),
            *[
                ft.Row(vertical_alignment=ft.CrossAxisAlignment.START, controls=[
                    ft.Container(
                        width=32, height=32, border_radius=16, bgcolor=ft.Colors.PRIMARY,
                        alignment=ft.Alignment.CENTER,
                        content=ft.Text(str(n), color=ft.Colors.ON_PRIMARY,
                                        weight=ft.FontWeight.BOLD),
                    ),
                    ft.Text(step, size=19, expand=True),
                ])
                for n, step in enumerate(card.steps, 1)
            ],
            *([TimerPanel(card, timers)] if card.timer else []),
            *([_box(ft.Icons.WARNING_AMBER, card.caution, ft.Colors.ERROR_CONTAINER,
                   ft.Colors.ON_ERROR_CONTAINER)]
              if card.caution else []),
            *([_box(ft.Icons.SCIENCE_OUTLINED, card.evidence, ft.Colors.SECONDARY_CONTAINER,
                   ft.Colors.ON_SECONDARY_CONTAINER)]
              if card.evidence else []),
            ft.Text(f"Sources: {sources}", size=14, italic=True),
        ],
    )
