"""A heading a screen reader can jump to: text drawn as before, announced with its level."""

from __future__ import annotations

import flet as ft


def heading(text: str, level: int = 2, size: int = 20, **kw) -> ft.Control:
    """Level 1 is the app's name; 2 a screen's title; 3 a section within it."""
    kw.setdefault("weight", ft.FontWeight.BOLD)
    expand = kw.pop("expand", None)
    return ft.Semantics(heading_level=level, expand=expand, content=ft.Text(text, size=size, **kw))
