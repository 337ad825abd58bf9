"""What to do now: red 'call now', amber 'call today'; no flags goes straight to relief."""

from __future__ import annotations

import flet as ft

from app.domain.regions import urgent_contact
from app.domain.triage import call_script
from app.ui.session import Session
from app.ui.theme import AMBER_BG, AMBER_TEXT, SOS_RED, TARGET, WHITE


@ft.component
def SosResult(session: Session) -> ft.Control:
    result = session.result
    emergency = result.tier == "emergency"
    fg = WHITE if emergency else AMBER_TEXT
    started = session.active.start if session.active else None
    title = f"Call {session.number} now" if emergency else f"Contact {urgent_contact(session.region)} today"
    controls: list[ft.Control] = [
        ft.Icon(ft.Icons.EMERGENCY if emergency else ft.Icons.WARNING_AMBER, size=56, color=fg),
        ft.Text(title, size=32, weight=ft.FontWeight.W_900, color=fg),
    ]
    if emergency:
        controls += [
            ft.Button(
                content=ft.Text(f"Call {session.number}", size=30, weight=ft.FontWeight.W_900,
                                color=SOS_RED),
                icon=ft.Icon(ft.Icons.CALL, size=36, color=SOS_RED),
                bgcolor=WHITE, height=96, width=float("inf"),
                url=f"tel:{session.number}",
            ),
            ft.Text("Do not drive yourself. Ask someone to stay with you.", size=22,
                    weight=ft.FontWeight.BOLD, color=fg),
            ft.Text("What to say:", size=18, color=fg),
            ft.Text(call_script(result, started), size=20, color=fg, italic=True, selectable=True),
        ]
    else:
        controls += [ft.Text(a, size=20, color=fg) for a in result.actions[1:]]
    controls += [
        ft.Text("You ticked:", size=18, weight=ft.FontWeight.BOLD, color=fg),
        *[ft.Text(f"• {f.label}", size=18, color=fg) for f in result.reasons],
        ft.OutlinedButton(
            "Back to the checklist", height=TARGET, on_click=session.open_sos,
            style=ft.ButtonStyle(color=fg, side=ft.BorderSide(2, fg)),
        ),
    ]
    return ft.Container(
        expand=True, bgcolor=SOS_RED if emergency else AMBER_BG,
        content=ft.ListView(padding=20, spacing=14, controls=controls),
    )


