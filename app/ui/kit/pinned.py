"""A screen whose answers stay pinned within thumb's reach while its explanation scrolls above them."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component


@component
def Pinned(body: list[ft.Control], answers: list[ft.Control], screen: str) -> ft.Control:
    """`screen` names what is shown: a new name is a new list, so each new screen opens at its top."""
    return ft.Column(expand=True, spacing=0, controls=[
        ft.ListView(expand=True, padding=ft.Padding.symmetric(horizontal=16, vertical=8), spacing=12,
                    controls=body, key=f"scroll-{screen}"),
        ft.Container(
            padding=ft.Padding.only(left=16, right=16, top=8, bottom=12),
            border=ft.Border.only(top=ft.BorderSide(1, ft.Colors.OUTLINE_VARIANT)),
            content=ft.Column(spacing=8, controls=answers),
        ),
    ])
