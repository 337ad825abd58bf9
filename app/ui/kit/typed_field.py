"""A text field that never takes back what the person typed, however late a redraw comes."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.ui.kit.boundary import component


@component
def TypedField(value: str = "", on_text: Callable[[str], None] | None = None, **kw) -> ft.Control:
    """`value` is only the first text; a redraw shows what the phone last sent (a new `key` starts over).

    Events run as tasks: a redraw for "ja" can come after the phone has sent "jap", and a field drawn
    with its owner's state would send "ja" back over the letters typed since.
    """
    drawn = ft.use_ref(None)
    shown = drawn.current.value if drawn.current is not None and drawn.current.value is not None else value
    changed = (lambda e: on_text(e.control.value or "")) if on_text else None
    field = ft.TextField(value=shown, on_change=changed, **kw)
    drawn.current = field
    return field
