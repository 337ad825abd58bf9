"""Settings' own number: an extra call button on the emergency screen, never in place of the country's."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component
from app.ui.kit.typed_field import TypedField
from app.ui.session import Session


def own_help(number: str) -> str:
    return (f"Optional, for example a doctor or someone close. It shows as an extra button beside "
            f"{number}, which always stays.")


@component
def OwnNumberField(session: Session) -> ft.Control:
    saved = session.settings.get("custom", "")
    return ft.Column(spacing=4, horizontal_alignment=ft.CrossAxisAlignment.STRETCH, controls=[
        TypedField(
            label="Your own number", value=saved if isinstance(saved, str) else "",
            keyboard_type=ft.KeyboardType.PHONE, max_length=15, text_size=18,
            input_filter=ft.InputFilter(regex_string=r"^[0-9+]*$", allow=True),
            on_blur=lambda e: session.set_setting("custom", (e.control.value or "").strip()),
        ),
        ft.Text(own_help(session.number), size=16),
    ])
