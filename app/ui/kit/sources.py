"""A card's sources in words ('Based on: UK guideline (NICE)…'); full references behind a Sources button."""

from __future__ import annotations

import flet as ft

from app.content.loader import library
from app.domain.citations import based_on, full_reference
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET


@component
def SourceList(references: tuple[str, ...], size: int = 14, shown: bool = False) -> ft.Control:
    """The full references, for the person or their clinician, only after a tap on Sources."""
    open_, set_open = ft.use_state(shown)
    return ft.Column(spacing=4, controls=[
        ft.TextButton(
            content=ft.Text("Hide sources" if open_ else "Sources", size=size, weight=ft.FontWeight.BOLD),
            icon=ft.Icons.EXPAND_LESS if open_ else ft.Icons.EXPAND_MORE, height=TARGET,
            on_click=lambda: set_open(not open_),
        ),
        *([ft.Text(f"• {reference}", size=size, selectable=True) for reference in references]
          if open_ else []),
    ])


def sources_part(ids: tuple[str, ...], size: int = 14) -> list[ft.Control]:
    """What a card or guide step shows of its sources: the kinds in words, then the Sources button."""
    lib = library()
    return [ft.Text(based_on(lib.source(i) for i in ids), size=size, italic=True),
            SourceList(tuple(full_reference(lib.source(i)) for i in ids), size)]
