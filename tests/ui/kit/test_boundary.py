"""A component whose render raises shows a plain panel instead of ending the session."""

import asyncio
from types import SimpleNamespace

import flet as ft
from flet.messaging.session import Session as FletSession

from app.ui.kit.boundary import FAILED_TAP, component, contain_handler_errors


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


def test_a_handler_that_raises_is_reported_and_the_session_lives_on(caplog):
    """Flet's own dispatch: an exception in on_click reaches session.error, which now reports and logs."""
    reported = []
    flet_session = FletSession.__new__(FletSession)  # only its error() and dispatch path are used
    page = SimpleNamespace(session=flet_session)
    contain_handler_errors(page, reported.append)

    button = ft.Button("Check", on_click=lambda: 1 / 0)
    flet_session._Session__page = page
    flet_session._Session__resolve_event_control = lambda _id: button
    asyncio.run(FletSession.dispatch_event(flet_session, 1, "click", None))
    assert reported == [FAILED_TAP]
    assert "an event handler failed" in caplog.text
