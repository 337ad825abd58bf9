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
    stored = stored_choice(session.settings) or AUTO
    phone = emergency_help(session.locale_region.upper())
    found = find_countries(query)

    def choose(e) -> None:
        session.set_setting("country", "" if e.control.value == AUTO else e.control.value)

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
        ft.RadioGroup(value=stored, on_change=choose, content=ft.Column(spacing=0, controls=rows)),
    ])
