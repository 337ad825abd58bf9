"""'Install the app' where the browser offers it (Settings; the Log screen until dismissed); iOS: Share."""

from __future__ import annotations

import contextvars
from collections.abc import Callable

import flet as ft
from flet.utils import is_pyodide

from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.session import Session

CHANNEL = "spasm-install"  # app/pwa/web/pwa.js keeps the browser's offer and answers here
WHY = "Then it opens full screen with one tap, and works with no signal."
IOS_HOW = "On iPhone or iPad: tap Share, then Add to Home Screen."
SHOWN = ("available", "ios")


class _Offer:
    """What this page's browser offers ('available', 'ios', 'installed' or 'none'), as pwa.js tells it.

    The Python runs in a Web Worker; the page and its worker share a BroadcastChannel and address
    each other by the page id python.js gives the worker as its name. One offer per worker.
    """

    def __init__(self) -> None:
        self.state = "none"
        self.listeners: list[Callable[[str], None]] = []
        self._channel = None
        self._page = ""

    def open(self) -> None:
        if self._channel is not None or not is_pyodide():
            return
        import js
        from pyodide.ffi import create_proxy

        self._page = str(getattr(js, "name", "") or "")
        self._channel = js.BroadcastChannel.new(CHANNEL)
        self._channel.onmessage = create_proxy(self._heard)
        self._post("ask")

    def prompt(self) -> None:
        self._post("prompt")

    def _heard(self, event) -> None:
        data = event.data
        if getattr(data, "page", None) != self._page or getattr(data, "type", None) != "state":
            return
        self.state = str(data.state)
        for listener in list(self.listeners):
            listener(self.state)

    def _post(self, kind: str) -> None:
        if self._channel is None:
            return
        import js
        from pyodide.ffi import to_js

        message = to_js({"type": kind, "page": self._page}, dict_converter=js.Object.fromEntries)
        self._channel.postMessage(message)


OFFER = _Offer()


@component
def InstallPrompt(session: Session, place: str = "settings") -> ft.Control:
    """place="log" adds "Not now", which hides it there for good (the install_dismissed setting)."""
    state, set_state = ft.use_state(OFFER.state)

    def follow():
        OFFER.open()
        context = contextvars.copy_context()  # the page's session, for a callback from JavaScript

        def heard(new: str) -> None:
            context.run(set_state, new)

        OFFER.listeners.append(heard)
        set_state(OFFER.state)
        return lambda: OFFER.listeners.remove(heard)

    ft.use_effect(follow, [])
    dismissed = place == "log" and session.settings.get("install_dismissed")
    if state not in SHOWN or dismissed:
        return ft.Container(visible=False)
    actions = []
    if state == "available":
        actions.append(ft.Button("Install the app", icon=ft.Icons.INSTALL_MOBILE, height=TARGET,
                                 on_click=OFFER.prompt))
    if place == "log":
        actions.append(ft.OutlinedButton("Not now", height=TARGET,
                                         on_click=lambda: session.set_setting("install_dismissed", True)))
    return ft.Container(
        bgcolor=ft.Colors.SURFACE_CONTAINER, border_radius=16, padding=14,
        content=ft.Column(spacing=8, controls=[
            ft.Row(controls=[
                ft.Icon(ft.Icons.IOS_SHARE if state == "ios" else ft.Icons.INSTALL_MOBILE,
                        color=ft.Colors.PRIMARY),
                ft.Text("Keep Spasm SOS on your home screen", size=18, weight=ft.FontWeight.BOLD,
                        expand=True),
            ]),
            ft.Text(WHY, size=16, color=ft.Colors.ON_SURFACE_VARIANT),
            *([ft.Text(IOS_HOW, size=17, weight=ft.FontWeight.BOLD)] if state == "ios" else []),
            ft.Row(wrap=True, spacing=8, run_spacing=8, controls=actions),
        ]),
    )
