"""Settings' About: which version of Spasm SOS this is, who it is for, and what it is not."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component
from app.version import __version__

DISCLAIMER = ("Spasm SOS gives general first-aid information. It is not a diagnosis and does not "
              "replace a doctor. If you are worried, call for help: that is always the right call.")
SCOPE = "Spasm SOS is for adults (16 and over)."


@component
def About() -> ft.Control:
    return ft.Column(spacing=14, controls=[
        ft.Text(f"Version {__version__}", size=16, selectable=True),  # to quote when reporting a fault
        ft.Text(SCOPE, size=16),
        ft.Text(DISCLAIMER, size=16),
    ])
