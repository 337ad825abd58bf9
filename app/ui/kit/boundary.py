"""An error boundary around every component and handler: a part that fails never takes the app down."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

import flet as ft

log = logging.getLogger("spasm_sos.ui")
FAILED_TAP = "That tap did not work. Your data is safe, and SOS still works."


def failed_panel() -> ft.Control:
    return ft.Container(
        bgcolor=ft.Colors.ERROR_CONTAINER, border_radius=12, padding=12,
        content=ft.Text("This part of the screen failed to show. Your data is safe, and SOS "
                        "still works.", size=17, color=ft.Colors.ON_ERROR_CONTAINER),
    )


def component(fn: Callable) -> Callable:
    """ft.component, but a render that raises shows a plain panel and is logged.

    Flet 1.0.5 stops updating a session for good when a render raises, SOS button included.
    """
    @functools.wraps(fn)
    def guarded(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception:
            log.exception("render of %s failed", fn.__qualname__)
            return failed_panel()

    return ft.component(guarded)


def contain_handler_errors(page: ft.Page, report: Callable[[str], None]) -> None:
    """An event handler that raises is logged and reported in a banner, and the session lives on.

    Flet 1.0.5 answers a handler's exception by telling the client the session crashed
    ("Error running app"); this page's session reports through `report` instead.
    """
    def contained(message: str) -> None:
        log.error("an event handler failed: %s", message)
        report(FAILED_TAP)

    page.session.error = contained
