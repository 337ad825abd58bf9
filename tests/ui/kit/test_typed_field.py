"""A redraw shows the text the phone last sent, never an older one the field's owner still holds."""

from __future__ import annotations

import flet as ft
from flet.utils.object_model import patch_dataclass

from app.ui.kit.typed_field import TypedField
from tests.ui.render import render, walk


def _field(component) -> ft.TextField:
    return next(c for c in walk(component) if isinstance(c, ft.TextField))


def test_a_redraw_that_lags_the_typing_keeps_every_letter():
    heard: list[str] = []
    component = render(TypedField, value="", on_text=heard.append, label="Search countries")
    field = _field(component)
    assert field.value == "" and field.label == "Search countries"
    patch_dataclass(field, {"value": "jap"})  # as Flet writes the phone's text into the drawn field
    assert _field(component).value == "jap"  # a redraw asked for by an earlier key sends no "ja" back
    field.on_change(type("E", (), {"control": field})())
    assert heard == ["jap"]


def test_value_is_the_first_text_only():
    component = render(TypedField, value="0871234567", label="Your own number")
    assert _field(component).value == "0871234567"
    patch_dataclass(_field(component), {"value": "112"})
    assert _field(component).value == "112"
