"""Settings: theme, emergency number, delete all data, about, disclaimer and sources."""

from __future__ import annotations

import flet as ft

from app.content.loader import library
from app.domain.regions import REGIONS
from app.ui.session import Session
from app.ui.theme import TARGET, theme_mode
from app.ui.transfer_buttons import TransferButtons

DISCLAIMER = ("Spasm SOS gives general first-aid information. It is not a diagnosis and does not "
              "replace a doctor. If you are worried, call for help: that is always the right call.")


def _heading(text: str) -> ft.Control:
    return ft.Text(text, size=20, weight=ft.FontWeight.BOLD)


@ft.component
def SettingsScreen(session: Session) -> ft.Control:
    confirm, set_confirm = ft.use_state(False)
    settings = session.settings

    def set_theme(value: str) -> None:
        session.set_setting("theme", value)
        ft.context.page.theme_mode = theme_mode(value)

    def delete_all() -> None:
        session.clear_all()
        set_confirm(False)

    danger = [ft.Button("Delete all my data", icon=ft.Icons.DELETE_FOREVER, height=TARGET,
                        color=ft.Colors.ERROR, on_click=lambda: set_confirm(True))]
    if confirm:
        danger = [ft.Container(
            border=ft.Border.all(2, ft.Colors.ERROR), border_radius=12, padding=12,
            content=ft.Column(spacing=8, controls=[
                ft.Text(f"Delete all {len(session.log)} episodes? This cannot be undone. "
                        "Export a copy first if you may want it.", size=16),
                TransferButtons(session, heading=False),
                ft.Row(wrap=True, controls=[
                    ft.OutlinedButton("Keep my data", height=TARGET,
                                      on_click=lambda: set_confirm(False)),
                    ft.Button("Yes, delete everything", height=TARGET, bgcolor=ft.Colors.ERROR,
                              color=ft.Colors.ON_ERROR, on_click=delete_all),
                ]),
            ]),
        )]
    region = session.region
    sources = library().sources
    return ft.ListView(expand=True, padding=16, spacing=14, controls=[
        ft.Row(controls=[
            ft.IconButton(ft.Icon(ft.Icons.ARROW_BACK, semantics_label="Back"), width=TARGET, height=TARGET,
                          on_click=session.close_overlay),
            ft.Text("Settings", size=26, weight=ft.FontWeight.BOLD),
        ]),
        _heading("Theme"),
        ft.SegmentedButton(
            selected=[settings.get("theme", "system")],
            on_change=lambda e: set_theme(e.control.selected[0]),
            segments=[ft.Segment(value=v, label=ft.Text(v.title()))
                      for v in ("system", "light", "dark")],
        ),
        _heading(f"Emergency number: {session.number}"),
        ft.RadioGroup(
            value=region, on_change=lambda e: session.set_setting("region", e.control.value),
            content=ft.Column(spacing=0, controls=[
                *[ft.Radio(value=key, label=f"{name} ({number})")
                  for key, (name, number) in REGIONS.items()],
                ft.Radio(value="custom", label="Another number"),
            ]),
        ),
        ft.TextField(
            label="Your emergency number", value=settings.get("custom", ""),
            keyboard_type=ft.KeyboardType.PHONE, visible=region == "custom", max_length=15,
            input_filter=ft.InputFilter(regex_string=r"^[0-9+]*$", allow=True),
            on_blur=lambda e: session.set_setting("custom", e.control.value or ""),
        ),
        _heading("Your data"),
        *danger,
        _heading("About"),
        ft.Text(DISCLAIMER, size=16),
        _heading("Sources"),
        *[ft.Text(f"• {s.title} — {s.ref}", size=14, selectable=True) for s in sources],
    ])
