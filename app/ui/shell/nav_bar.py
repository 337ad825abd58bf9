"""Bottom navigation: Relief, Sleep, Prevent and Log."""

from __future__ import annotations

import flet as ft

from app.ui.session import TABS, Session

DESTINATIONS = (
    ("Relief", ft.Icons.HEALING_OUTLINED, ft.Icons.HEALING),
    ("Sleep", ft.Icons.BEDTIME_OUTLINED, ft.Icons.BEDTIME),
    ("Prevent", ft.Icons.SHIELD_OUTLINED, ft.Icons.SHIELD),
    ("Log", ft.Icons.EDIT_NOTE_OUTLINED, ft.Icons.EDIT_NOTE),
)


def nav_bar(session: Session) -> ft.NavigationBar:
    return ft.NavigationBar(
        selected_index=TABS.index(session.tab),
        height=72,
        on_change=lambda e: session.show_tab(TABS[int(e.control.selected_index)]),
        destinations=[
            ft.NavigationBarDestination(label=label, icon=icon, selected_icon=sel)
            for label, icon, sel in DESTINATIONS
        ],
    )
