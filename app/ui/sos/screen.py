"""SOS: the red-flag checklist, or the triage result once the person has checked."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component
from app.ui.session import Session
from app.ui.sos.checklist import SosChecklist
from app.ui.sos.result import SosResult


@component
def SosScreen(session: Session) -> ft.Control:
    if session.result is not None:
        return SosResult(session)
    return SosChecklist(session)
