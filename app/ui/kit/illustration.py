"""A card's drawing on its panel: the light drawing by day, its night version on a dark panel."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component


@component
def Illustration(name: str, label: str, dark: bool, height: int) -> ft.Control:
    return ft.Container(
        bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST if dark else "#FFFFFF", border_radius=16, padding=8,
        content=ft.Image(src=f"illustrations/{'dark/' if dark else ''}{name}.svg", height=height,
                         fit=ft.BoxFit.CONTAIN, semantics_label=f"Picture: {label}"),
    )
