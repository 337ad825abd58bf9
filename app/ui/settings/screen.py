"""Settings: theme, country and emergency number, delete all data, about, disclaimer and sources."""

from __future__ import annotations

import flet as ft

from app.content.loader import library
from app.domain.regions import CHECK_LOCAL
from app.ui.kit.boundary import component
from app.ui.kit.heading import heading
from app.ui.kit.install_prompt import InstallPrompt
from app.ui.kit.screen_header import with_header
from app.ui.kit.theme import TARGET
from app.ui.session import Session
from app.ui.settings.about import About
from app.ui.settings.country_picker import CountryPicker
from app.ui.settings.delete_all import DeleteAll
from app.ui.settings.own_number import OwnNumberField
from app.ui.settings.storage_status import StorageStatus
from app.ui.settings.weekly_calendar import WeeklyCalendar


def _heading(text: str) -> ft.Control:
    return heading(text, level=3)


@component
def SettingsScreen(session: Session) -> ft.Control:
    settings = session.settings
    help_ = session.emergency
    picking, set_picking = ft.use_state(help_.check_local)

    def set_theme(value: str) -> None:
        session.set_setting("theme", value)
        ft.context.page.theme_mode = session.theme_mode()

    sources = library().sources
    body = ft.ListView(expand=True, padding=16, spacing=14, controls=[
        _heading("Theme"),
        ft.SegmentedButton(
            selected=[settings.get("theme", "system")],
            on_change=lambda e: set_theme(e.control.selected[0]),
            segments=[ft.Segment(value=v, label=ft.Text(v.title()))
                      for v in ("system", "light", "dark")],
        ),
        _heading(f"Emergency number: {session.number}"),
        ft.Text(help_.place + (f". {CHECK_LOCAL}" if help_.check_local else ""), size=16),
        ft.OutlinedButton("Close the country list" if picking else "Change country", height=TARGET,
                          icon=ft.Icons.PUBLIC, on_click=lambda: set_picking(not picking)),
        *([CountryPicker(session)] if picking else []),
        OwnNumberField(session),
        _heading("Reminders"),
        WeeklyCalendar(session),
        _heading("Your data"),
        StorageStatus(session),
        InstallPrompt(session, "settings"),
        DeleteAll(session),
        _heading("About"),
        About(),
        _heading("Sources"),
        *[ft.Text(f"• {s.title} — {s.ref}", size=14, selectable=True) for s in sources],
    ])
    return with_header("Settings", session.close_overlay, body)
