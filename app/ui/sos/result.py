"""What to do now: red 'call now', amber 'call today'; no flags goes straight to relief."""

from __future__ import annotations

import flet as ft

from app.domain.triage import CallScript, call_script, signs_began_choices
from app.ui.kit.boundary import component
from app.ui.kit.choice_chips import ChoiceChips
from app.ui.kit.heading import heading
from app.ui.kit.theme import SOS_RED, TARGET, WHITE, amber
from app.ui.session import Session, now
from app.ui.sos.call_button import CallButton
from app.ui.sos.number_check import NumberCheck
from app.ui.sos.own_number import OwnNumberButton


def _script(script: CallScript, fg: str) -> list[ft.Control]:
    """Say this, then give the address, then say the rest."""
    said = dict(size=20, color=fg, italic=True)  # selectable text drops out of the screen-reader tree
    return [
        ft.Text(f"1. {script.opening}", **said),
        ft.Text(f"2. {script.where}", size=20, color=fg, weight=ft.FontWeight.BOLD),
        ft.Text(f"3. {script.details}", **said),
    ]


@component
def SosResult(session: Session) -> ft.Control:
    result = session.result
    emergency, soon = result.tier == "emergency", result.tier == "soon"
    amber_bg, amber_fg = amber(session.dark)
    if soon:  # within days: calm colours, red and amber are kept for now and today
        amber_bg, amber_fg = ft.Colors.SECONDARY_CONTAINER, ft.Colors.ON_SECONDARY_CONTAINER
    fg = WHITE if emergency else amber_fg
    started = session.active.start if session.active else None
    onset, set_onset = ft.use_state(None)  # held on this screen only, never stored
    help_ = session.emergency
    title = (f"Call {session.number} now" if emergency else "See a GP or pharmacist soon" if soon
             else f"Contact {help_.urgent_contact} today")
    controls: list[ft.Control] = [
        ft.Icon(ft.Icons.EMERGENCY if emergency else ft.Icons.WARNING_AMBER, size=56, color=fg),
        heading(title, size=32, weight=ft.FontWeight.W_900, color=fg),
    ]
    if emergency:
        controls += [
            CallButton(session.number, f"Call {session.number}", inverse=True),
            *([OwnNumberButton(help_.own, fg)] if help_.own else []),  # beside it, never instead
            ft.Row(wrap=True, vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
                ft.Text(f"Emergency number for: {help_.place}", size=18, color=fg),
                ft.TextButton(f"Not in {help_.place}? Change" if help_.country else "Change",
                              height=TARGET, on_click=session.open_settings,
                              style=ft.ButtonStyle(color=fg)),
            ]),
            *([NumberCheck(session, fg)] if help_.check_local else []),
            *[ft.Text(a, size=22, weight=ft.FontWeight.BOLD, color=fg) for a in result.actions[1:]],
            ft.Text("When did these signs begin? (optional)", size=18, color=fg),
            ChoiceChips(signs_began_choices(), [onset] if onset else [],
                        lambda key: set_onset(None if key == onset else key)),
            ft.Text("What to say:", size=18, color=fg),
            *_script(call_script(result, started, now(), onset), fg),
        ]
    else:
        if help_.urgent and not soon:
            controls.append(ft.Button(
                content=ft.Text(help_.urgent.call_label, size=24, weight=ft.FontWeight.BOLD, color=amber_bg),
                icon=ft.Icon(ft.Icons.CALL, size=28, color=amber_bg), bgcolor=amber_fg,
                height=72, width=float("inf"), url=f"tel:{help_.urgent.dial}",
            ))
            if help_.urgent.note:
                controls.append(ft.Text(help_.urgent.note, size=16, color=fg))
        controls += [ft.Text(a, size=20, color=fg) for a in result.actions[1:]]
        if soon:
            controls.append(ft.Button("Relief steps", icon=ft.Icons.HEALING, height=TARGET,
                                      on_click=lambda: session.show_tab("relief")))
    controls += [
        ft.Text("You ticked:", size=18, weight=ft.FontWeight.BOLD, color=fg),
        *[ft.Text(f"• {f.label}", size=18, color=fg) for f in result.reasons],
        ft.OutlinedButton(
            "Back to the checklist", height=TARGET, on_click=session.open_sos,
            style=ft.ButtonStyle(color=fg, side=ft.BorderSide(2, fg)),
        ),
    ]
    return ft.Container(
        expand=True, bgcolor=SOS_RED if emergency else amber_bg,
        content=ft.ListView(padding=20, spacing=14, controls=controls),
    )


