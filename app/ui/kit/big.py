"""Comfort mode for the guide: big text and big buttons, readable lying down."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.ui.kit.heading import heading

BODY = 24  # px: the guide's smallest text
TITLE = 30
BIG = 72  # px: the guide's button height


def words(text: str, size: int = BODY, color=ft.Colors.ON_SURFACE, **kw) -> ft.Text:
    """Coloured from the nearest theme, so the guide's own night theme reaches its text."""
    return ft.Text(text, size=size, color=color, **kw)


def title(text: str) -> ft.Control:
    """A guide screen's own question or step, announced as a heading."""
    return heading(text, size=TITLE, weight=ft.FontWeight.W_800, color=ft.Colors.ON_SURFACE)


def big_button(label: str, on_click: Callable, *, bgcolor=None, color=None, icon=None,
               outlined: bool = False, half: bool = False) -> ft.Control:
    """A full-width target a thumb cannot miss (`half`: one of a pair); large text wraps and grows it."""
    content = ft.Row(alignment=ft.MainAxisAlignment.CENTER, controls=[
        *([ft.Icon(icon, color=color, size=30)] if icon else []),
        ft.Text(label, size=BODY, weight=ft.FontWeight.BOLD, color=color, text_align=ft.TextAlign.CENTER,
                expand_loose=True),
    ])
    # no fixed height: the padding makes it at least BIG px tall at normal text size
    style = ft.ButtonStyle(shape=ft.RoundedRectangleBorder(radius=16),
                           padding=ft.Padding.symmetric(horizontal=16, vertical=(BIG - BODY * 7 // 6) // 2))
    size = {"expand": True} if half else {"width": float("inf")}
    if outlined:
        return ft.OutlinedButton(content=content, on_click=on_click, style=style, **size)
    return ft.Button(content=content, bgcolor=bgcolor, on_click=on_click, style=style, **size)


def pair(left: ft.Control, right: ft.Control) -> ft.Control:
    """Two half-width big buttons side by side."""
    return ft.Row(spacing=10, controls=[left, right])
