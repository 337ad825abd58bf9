"""A component whose render raises shows a plain panel instead of ending the session."""

import flet as ft

from app.ui.kit.boundary import component


def test_a_failing_render_gives_the_your_data_is_safe_panel(caplog):
    @component
    def Broken() -> ft.Control:
        raise OverflowError("date value out of range")

    panel = Broken.__component_impl__()
    assert "Your data is safe" in panel.content.value
    assert "render of" in caplog.text and "OverflowError" in caplog.text


def test_a_working_render_is_untouched():
    @component
    def Fine() -> ft.Control:
        return ft.Text("hello")

    assert Fine.__component_impl__().value == "hello"
