"""One guidance card: picture, title, numbered steps, timer, caution, evidence and sources."""

from __future__ import annotations

import flet as ft

from app.content.loader import library
from app.content.schema import Card
from app.domain.phase import phase
from app.ui.session import Session, now
from app.ui.timer_panel import TimerPanel


def _recommended(card: Card, session: Session) -> bool:
    active = session.active
    return bool(active and card.timer and card.timer.kind == phase(active.start, now()).kind)


def _box(icon: str, text: str, bgcolor: str) -> ft.Control:
    return ft.Container(
        bgcolor=bgcolor, border_radius=12, padding=12,
        content=ft.Row(vertical_alignment=ft.CrossAxisAlignment.START, controls=[
            ft.Icon(icon), ft.Text(text, size=16, expand=True, selectable=True),
        ]),
    )


@ft.component
def CardPage(card: Card, session: Session) -> ft.Control:
    lib = library()
    sources = ", ".join(lib.source(s).title for s in card.sources)
    header: list[ft.Control] = []
    if _recommended(card, session):
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
            ft.Image(src=f"illustrations/{card.illustration}.svg", height=190,
                     fit=ft.BoxFit.CONTAIN, semantics_label=f"Picture: {card.title}"),
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
            *([TimerPanel(card, session.timers)] if card.timer else []),
            *([_box(ft.Icons.WARNING_AMBER, card.caution, ft.Colors.ERROR_CONTAINER)]
              if card.caution else []),
            *([_box(ft.Icons.SCIENCE_OUTLINED, card.evidence, ft.Colors.SECONDARY_CONTAINER)]
              if card.evidence else []),
            ft.Text(f"Sources: {sources}", size=14, italic=True),
        ],
    )
