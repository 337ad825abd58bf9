"""Settings' country picker: a search field over every country in the table, one big row each."""

from __future__ import annotations

import flet as ft

from app.domain.regions import CUSTOM, FALLBACK, UNKNOWN, emergency_help, find_countries, stored_choice
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.session import Session

AUTO = "auto"


def _row(value: str, label: str) -> ft.Control:
    return ft.Container(height=TARGET, alignment=ft.Alignment.CENTER_LEFT,
                        content=ft.Radio(value=value, label=label, label_style=ft.TextStyle(size=18)))


@component
def CountryPicker(session: Session) -> ft.Control:
    query, set_query = ft.use_state("")
    pending, set_pending = ft.use_state(None)  # a tap in the list changes nothing until confirmed
    stored = stored_choice(session.settings) or AUTO
    phone = emergency_help(session.locale_region.upper())
    found = find_countries(query)

    def confirm() -> None:
        session.set_setting("country", "" if pending == AUTO else pending)
        set_pending(None)

    rows = [] if query.strip() else [_row(AUTO, f"Automatic: {phone.number}, from this phone")]
    if stored == UNKNOWN:
        rows.append(_row(UNKNOWN, f"No country ({FALLBACK})"))
    rows += [_row(c.code, f"{c.name} ({c.emergency})") for c in found]
    rows.append(_row(CUSTOM, "Another number"))
    return ft.Column(spacing=4, horizontal_alignment=ft.CrossAxisAlignment.STRETCH, controls=[
        ft.TextField(label="Search countries", prefix_icon=ft.Icons.SEARCH, text_size=18, value=query,
                     on_change=lambda e: set_query(e.control.value or "")),
        *([] if found else [ft.Text("No country matches. Choose “Another number” to type your own.",
                                    size=16)]),
        *([_confirm(pending, phone, confirm, lambda: set_pending(None))] if pending else []),
        ft.RadioGroup(value=pending or stored, on_change=lambda e: set_pending(e.control.value),
                      content=ft.Column(spacing=0, controls=rows)),
    ])


def _confirm(pending: str, phone, confirm, cancel) -> ft.Control:
    """'Use 999 for United Kingdom?' with Yes and Cancel, above the list where the thumb is."""
    if pending == AUTO:
        ask = f"Follow this phone: use {phone.number}?"
    elif pending == CUSTOM:
        ask = "Type your own number below?"
    elif pending == UNKNOWN:
        ask = f"Use {FALLBACK} with no country?"
    else:
        help_ = emergency_help(pending)
        ask = f"Use {help_.number} for {help_.place}?"
    return ft.Container(
        bgcolor=ft.Colors.PRIMARY_CONTAINER, border_radius=12, padding=12,
        content=ft.Column(spacing=8, controls=[
            ft.Text(ask, size=18, weight=ft.FontWeight.BOLD, color=ft.Colors.ON_PRIMARY_CONTAINER),
            ft.Row(wrap=True, controls=[
                ft.Button("Yes, use it", height=TARGET, on_click=confirm),
                ft.OutlinedButton("Cancel", height=TARGET, on_click=cancel),
            ]),
        ]),
    )
