"""A timer's end seen with half-closed eyes: the banner flashes, or stays lit under reduce motion."""

from __future__ import annotations

import asyncio

import flet as ft

from app.ui.kit.big import title
from app.ui.kit.boundary import component

FLASHES, BEAT = 4, 0.35  # seconds per half flash


@component
def TimeUpFlash(text: str, still: bool = False) -> ft.Control:
    lit, set_lit = ft.use_state(True)

    async def flash() -> None:
        for i in range(FLASHES * 2):
            set_lit(i % 2 == 1)
            await asyncio.sleep(BEAT)
        set_lit(False)

    def start() -> None:
        if not still:
            ft.context.page.run_task(flash)

    ft.use_effect(start, [])
    return ft.Container(
        border_radius=16, padding=12, bgcolor=ft.Colors.TERTIARY_CONTAINER if lit else None,
        content=title(text),
    )
