"""'Delete all my data': a confirmation that offers an export and names every copy it removes."""

from __future__ import annotations

import flet as ft

from app.domain.words import count
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.kit.transfer_buttons import TransferButtons
from app.ui.session import Session


def _what_goes(session: Session) -> str:
    aside = session.log.moved_aside()
    copies = f" and {len(aside)} unreadable earlier cop{'y' if len(aside) == 1 else 'ies'} " \
             f"({', '.join(aside)})" if aside else ""
    return (f"Delete all {count(len(session.log), 'episode')}, "
            f"{count(len(session.log.checks()), 'SOS check')}, your settings{copies}? "
            "This cannot be undone. Export a copy first if you may want it.")


@component
def DeleteAll(session: Session) -> ft.Control:
    confirm, set_confirm = ft.use_state(False)

    async def delete_all() -> None:
        await session.clear_all()
        set_confirm(False)

    if not confirm:
        return ft.Button("Delete all my data", icon=ft.Icons.DELETE_FOREVER, height=TARGET,
                         color=ft.Colors.ERROR, on_click=lambda: set_confirm(True))
    return ft.Container(
        border=ft.Border.all(2, ft.Colors.ERROR), border_radius=12, padding=12,
        content=ft.Column(spacing=8, controls=[
            ft.Text(_what_goes(session), size=16),
            TransferButtons(session, heading=False),
            ft.Row(wrap=True, controls=[
                ft.OutlinedButton("Keep my data", height=TARGET, on_click=lambda: set_confirm(False)),
                ft.Button("Yes, delete everything", height=TARGET, bgcolor=ft.Colors.ERROR,
                          color=ft.Colors.ON_ERROR, on_click=delete_all),
            ]),
        ]),
    )
