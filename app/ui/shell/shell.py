"""The app shell: top bar with the red SOS control, the current screen, the bottom tabs."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component
from app.ui.kit.theme import SOS_RED
from app.ui.session import Session
from app.ui.shell.body import Body
from app.ui.shell.nav_bar import nav_bar
from app.ui.shell.top_bar import top_bar


def landmark(name: str, content: ft.Control, expand: bool | None = None) -> ft.Control:
    """A part of the page a screen reader can jump to: the page's script turns the name into its role."""
    return ft.Semantics(container=True, identifier=name, expand=expand, content=content)


@component
def Shell(session: Session) -> ft.Control:
    emergency = session.overlay == "sos" and session.result and session.result.tier == "emergency"
    return ft.SafeArea(
        expand=True,
        content=ft.Container(
            bgcolor=SOS_RED if emergency else None,
            content=ft.Column(expand=True, spacing=0, controls=[
                landmark("banner", top_bar(session, bool(emergency))),
                landmark("main", Body(session), expand=True),
                landmark("navigation", nav_bar(session)),
            ]),
        ),
    )
