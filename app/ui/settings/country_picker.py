"""Settings' country picker: a search field over every country in the table, one big row each."""

from __future__ import annotations

import flet as ft

from app.domain.regions import CUSTOM, FALLBACK, UNKNOWN, emergency_help, find_countries, stored_choice
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.kit.typed_field import TypedField
from app.ui.session import Session

AUTO = "auto"


def _row(value: str, label: str) -> ft.Control:
    return ft.Container(height=TARGET, alignment=ft.Alignment.CENTER_LEFT,
                        content=ft.Radio(value=value, label=label, label_style=ft.TextStyle(size=18)))


@component
def CountryPicker(session: Session) -> ft.Control:
    query, set_query = ft.use_state("")
    stored = stored_choice(session.settings)
    stored = AUTO if stored in ("", CUSTOM) else stored  # "custom" (an earlier version) follows the phone
    phone = emergency_help(session.locale_region.upper())
    found = find_countries(query)

    def ask(value: str) -> None:
        """A tap in the list changes nothing until the person confirms it in a dialog."""
        page = ft.context.page

        def confirm() -> None:
            session.set_setting("country", "" if value == AUTO else value)
            page.pop_dialog()

        page.show_dialog(ft.AlertDialog(
            modal=True, title=ft.Text(_question(value, phone), size=20),
            actions=[ft.Button("Yes, use it", height=TARGET, on_click=confirm),
                     ft.OutlinedButton("Cancel", height=TARGET, on_click=lambda: page.pop_dialog())]))

    rows = [] if query.strip() else [_row(AUTO, f"Automatic: {phone.number}, from this phone")]
    if stored == UNKNOWN:
        rows.append(_row(UNKNOWN, f"No country ({FALLBACK})"))
    rows += [_row(c.code, f"{c.name} ({c.emergency})") for c in found]
    return ft.Column(spacing=4, horizontal_alignment=ft.CrossAxisAlignment.STRETCH, controls=[
        TypedField(on_text=set_query, label="Search countries", prefix_icon=ft.Icons.SEARCH, text_size=18),
        *([] if found else [ft.Text("No country matches. Try another spelling, or its emergency number.",
                                    size=16)]),
        ft.RadioGroup(value=stored, on_change=lambda e: ask(e.control.value),
                      content=ft.Column(spacing=0, controls=rows)),
    ])


def _question(value: str, phone) -> str:
    """'Use 119 for Japan?'"""
    if value == AUTO:
        return f"Follow this phone: use {phone.number}?"
    if value == UNKNOWN:
        return f"Use {FALLBACK} with no country?"
    help_ = emergency_help(value)
    return f"Use {help_.number} for {help_.place}?"
