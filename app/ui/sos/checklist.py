"""The red-flag checklist in plain words: 'call now' signs, 'call today' signs, then history items."""

from __future__ import annotations

import flet as ft

from app.content.loader import library
from app.domain.triage import checklist_sections
from app.ui.kit.boundary import component
from app.ui.kit.heading import heading
from app.ui.kit.theme import TARGET
from app.ui.session import Session
from app.ui.sos.call_button import CallButton
from app.ui.sos.number_check import NumberCheck

HISTORY = "Also tell a doctor today if…"
CHECK_WIDTH = 48  # the 48 px minimum target; the whole row is a tap target too


def _heading(text: str) -> ft.Control:
    return heading(text, size=17)


def _flag_row(flag_id: str, label: str, ticked: bool, session: Session) -> ft.Control:
    """A whole-row tap target; the label wraps instead of being cut off.

    Compact (a 48 px box, no gaps), so three signs fit on a screen at 200 % text; the row is a
    semantics container ("sos-sign") so its whole extent can be measured.
    """
    return ft.Semantics(container=True, identifier="sos-sign", content=ft.Container(
        border_radius=12, padding=ft.Padding.only(right=4),
        bgcolor=ft.Colors.ERROR_CONTAINER if ticked else None,
        on_click=lambda: session.toggle_flag(flag_id),
        content=ft.Row(vertical_alignment=ft.CrossAxisAlignment.CENTER, spacing=4, controls=[
            ft.Checkbox(value=ticked, semantics_label=label, width=CHECK_WIDTH, height=TARGET,
                        on_change=lambda: session.toggle_flag(flag_id)),
            # the checkbox carries the label for screen readers; the text is not read twice
            ft.Semantics(exclude_semantics=True, expand=True, content=ft.Text(
                label, size=14, style=ft.TextStyle(height=1.25))),
        ]),
    ))


@component
def SosChecklist(session: Session) -> ft.Control:
    flags = library().red_flags
    headings = {
        "emergency": f"Call {session.number} now if you have any of these",
        "urgent": f"Contact {session.emergency.urgent_contact} today if you have any of these",
        "pregnancy": "Pregnant? Call your midwife or maternity unit now if you have any of these",
        "soon": "See a GP or pharmacist in the next few days if you have",
        "history": HISTORY,
    }
    rows: list[ft.Control] = [
        ft.Text("Tick any you have now, or since this pain began.", size=13),
    ]
    for key, section in checklist_sections(flags):
        rows.append(_heading(headings[key]))
        if key == "emergency" and session.emergency.check_local:
            rows.append(NumberCheck(session))
        rows += [_flag_row(flag.id, flag.label, flag.id in session.ticked, session) for flag in section]
    count = len(session.ticked)
    if session.pending().tier == "emergency":
        action = CallButton(session.number, f"Call {session.number} now", on_click=session.check)
    elif count:
        action = ft.Button(f"Check {count} sign{'s' if count != 1 else ''}", expand=True, height=TARGET + 8,
                           bgcolor=ft.Colors.PRIMARY, color=ft.Colors.ON_PRIMARY, on_click=session.check)
    else:
        action = ft.OutlinedButton("None of these", expand=True, height=TARGET + 8, on_click=session.check)
    return ft.Column(expand=True, spacing=0, controls=[
        ft.Container(padding=ft.Padding.only(left=12, right=12, top=8), content=CallButton(
            session.number, f"Call {session.number}", place=session.emergency.place)),
        ft.ListView(expand=True, padding=ft.Padding.symmetric(horizontal=8, vertical=4), spacing=2,
                    controls=rows),
        ft.Container(padding=ft.Padding.symmetric(horizontal=12, vertical=8), content=ft.Row(controls=[
            ft.OutlinedButton("Back", height=TARGET, on_click=session.close_overlay),
            action,
        ])),
    ])
