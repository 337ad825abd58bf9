"""'Help me now': one question or one action per screen, in comfort mode, SOS one tap away above."""

from __future__ import annotations

import flet as ft

from app.ui.guide.pain import GuidePain
from app.ui.guide.question import GuideQuestion
from app.ui.guide.same import GuideSame
from app.ui.guide.start import GuideStart
from app.ui.guide.step import GuideStep
from app.ui.guide.summary import GuideSummary
from app.ui.guide.urgent import GuideUrgent
from app.ui.kit.boundary import component
from app.ui.kit.heading import heading
from app.ui.kit.theme import TARGET
from app.ui.session import Session
from app.ui.timers.timers import Timers


@component
def GuideScreen(session: Session, timers: Timers) -> ft.Control:
    """`timers` is passed so the screen follows the countdown and its end."""
    stage = session.guide.stage
    if stage == "step" and session.guide_waiting_for_checkin():
        asked = "Time is up. How is the pain now?" if timers.done_card else "How is the pain now?"
        screen = GuidePain(session, heading=asked)
    else:
        screen = GuideStep(session, timers) if stage == "step" else {
            "same": GuideSame, "safety": GuideQuestion, "start": GuideStart, "pain": GuidePain,
            "urgent": GuideUrgent, "end": GuideSummary}[stage](session)
    return ft.Container(
        expand=True, bgcolor=ft.Colors.SURFACE,
        content=ft.Column(expand=True, spacing=0, controls=[
            ft.Container(padding=ft.Padding.only(left=8, right=16, top=4), content=ft.Row(controls=[
                ft.IconButton(ft.Icon(ft.Icons.CLOSE, semantics_label="Close the guide"), width=TARGET,
                              height=TARGET, on_click=session.close_guide),
                ft.Container(expand=True, content=heading("Help me now", size=20, weight=ft.FontWeight.W_800,
                                                          no_wrap=True, color=ft.Colors.ON_SURFACE)),
            ])),
            screen,
        ]),
    )
