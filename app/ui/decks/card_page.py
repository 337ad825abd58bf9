"""One guidance card: picture, title, numbered steps, timer, caution, evidence, sources behind a button."""

from __future__ import annotations

import flet as ft

from app.content.schema import Card
from app.ui.decks.temperature_choice import TemperatureChoice
from app.ui.kit.boundary import component
from app.ui.kit.caution import Caution
from app.ui.kit.heading import heading
from app.ui.kit.illustration import Illustration
from app.ui.kit.sources import sources_part
from app.ui.session import Session
from app.ui.timers.panel import TimerPanel

GET_HELP = ("Get help if a leg goes numb or weak, peeing or pooing changes, or you get a fever: "
            "check the warning signs")


def _box(icon: str, text: str, bgcolor: str, color: str) -> ft.Control:
    return ft.Container(
        bgcolor=bgcolor, border_radius=12, padding=12,
        content=ft.Row(vertical_alignment=ft.CrossAxisAlignment.START, controls=[
            ft.Icon(icon, color=color), ft.Text(text, size=16, expand=True, selectable=True, color=color),
        ]),
    )


def _get_help(session: Session) -> ft.Control:
    return ft.OutlinedButton(
        width=float("inf"), on_click=session.open_sos,
        style=ft.ButtonStyle(color=ft.Colors.ERROR, side=ft.BorderSide(2, ft.Colors.ERROR),
                             padding=12, shape=ft.RoundedRectangleBorder(radius=12)),
        content=ft.Row(controls=[
            ft.Icon(ft.Icons.EMERGENCY, color=ft.Colors.ERROR),
            ft.Text(GET_HELP, size=16, expand=True, color=ft.Colors.ERROR),
        ]),
    )


@component
def CardPage(card: Card, session: Session, get_help: bool = False) -> ft.Control:
    """`get_help` adds the one-line 'get help if…' that opens the SOS check (relief cards)."""
    temperature = card.timer is not None and card.timer.kind in ("ice", "heat")
    chosen = getattr(session.active, "temperature", None) if session.active else None
    header: list[ft.Control] = []
    if temperature and card.timer.kind == chosen:
        header.append(ft.Container(
            bgcolor=ft.Colors.PRIMARY, border_radius=8,
            padding=ft.Padding.symmetric(vertical=4, horizontal=10),
            content=ft.Text("Your choice for this episode", color=ft.Colors.ON_PRIMARY,
                            weight=ft.FontWeight.BOLD),
        ))
    return ft.ListView(
        padding=ft.Padding.symmetric(vertical=12, horizontal=16),
        spacing=12,
        controls=[
            *header,
            Illustration(card.illustration, card.title, session.dark, height=190),
            heading(card.title, size=26),
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
            *([TemperatureChoice(session)] if temperature else []),
            *([TimerPanel(card, session.timers)] if card.timer else []),
            *([Caution(card.caution)] if card.caution else []),
            *([_get_help(session)] if get_help else []),
            *([_box(ft.Icons.SCIENCE_OUTLINED, card.evidence, ft.Colors.SECONDARY_CONTAINER,
                   ft.Colors.ON_SECONDARY_CONTAINER)]
              if card.evidence else []),
            *sources_part(card.sources),
        ],
    )
