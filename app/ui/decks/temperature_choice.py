"""Ice or heat side by side: the articles' timing, the Cochrane finding, and the person's choice."""

from __future__ import annotations

import flet as ft

from app.domain.phase import TemperatureOption, temperature_options
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.session import Session, now

NAMES = {"ice": "Ice", "heat": "Heat"}


def _side(option: TemperatureOption, session: Session, can_choose: bool) -> ft.Control:
    name = NAMES[option.kind]
    lines: list[ft.Control] = [
        ft.Text(name, size=20, weight=ft.FontWeight.BOLD),
        ft.Text(option.timing, size=15),
        ft.Text(option.evidence, size=15),
    ]
    if option.timing_fits:
        lines.append(ft.Text("The articles' timing fits now.", size=15, italic=True))
    if can_choose:
        lines.append(ft.Button(
            f"{name}: your choice" if option.chosen else f"Choose {option.kind}",
            icon=ft.Icons.CHECK if option.chosen else None, height=TARGET, width=float("inf"),
            bgcolor=ft.Colors.PRIMARY if option.chosen else None,
            color=ft.Colors.ON_PRIMARY if option.chosen else None,
            on_click=lambda: session.edit_active(temperature=None if option.chosen else option.kind),
        ))
    return ft.Container(
        expand=1, padding=10, border_radius=12,
        border=ft.Border.all(3 if option.chosen else 1, ft.Colors.PRIMARY),
        content=ft.Column(spacing=6, controls=lines),
    )


@component
def TemperatureChoice(session: Session) -> ft.Control:
    active = session.active
    choice = getattr(active, "temperature", None) if active else None
    options = temperature_options(active.start if active else None, now(), choice)
    note = ("Pick the one that suits you; this episode remembers it." if active
            else "Start an episode in the Log to keep your choice.")
    return ft.Column(spacing=8, controls=[
        ft.Text("Ice or heat? Your choice", size=20, weight=ft.FontWeight.BOLD),
        ft.Text(note, size=15),
        ft.Row(vertical_alignment=ft.CrossAxisAlignment.START, spacing=8,
               controls=[_side(o, session, active is not None) for o in options]),
    ])
