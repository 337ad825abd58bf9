"""The SOS checks the log keeps: when, what each found and which signs; each can be deleted, with undo."""

from __future__ import annotations

import flet as ft

from app.domain.records import SosCheck, outcome_words, signs
from app.domain.words import count
from app.ui.kit.boundary import component
from app.ui.kit.heading import heading
from app.ui.kit.theme import TARGET
from app.ui.session import Session

PAGE = 10


def check_line(check: SosCheck) -> str:
    """'Tue 01 Dec, 14:05 · See a doctor today'."""
    return f"{check.at.astimezone():%a %d %b, %H:%M} · {outcome_words(check)}"


def signs_line(check: SosCheck) -> str:
    ticked = signs(check)
    return ("Signs: " + "; ".join(ticked)) if ticked else "No sign ticked."


def _row(check: SosCheck, delete) -> ft.Control:
    bold = ft.FontWeight.BOLD if check.tier == "emergency" else None
    said = f"Delete SOS check {check.at.astimezone():%a %d %b, %H:%M}"
    # a node of its own: otherwise a screen reader hears every check as part of the heading
    top = ft.CrossAxisAlignment.START
    return ft.Semantics(container=True, content=ft.Row(vertical_alignment=top, controls=[
        ft.Column(spacing=2, expand=True, controls=[
            ft.Text(check_line(check), size=16, weight=bold),
            ft.Text(signs_line(check), size=14, color=ft.Colors.ON_SURFACE_VARIANT),
        ]),
        ft.IconButton(ft.Icon(ft.Icons.DELETE_OUTLINE, semantics_label=said),
                      width=TARGET, height=TARGET, on_click=lambda: delete(check.id)),
    ]))


@component
def SosChecks(session: Session) -> ft.Control:
    undo, set_undo = ft.use_state(None)  # (the deleted check, the log's generation then)
    shown, set_shown = ft.use_state(PAGE)
    checks = session.log.checks()[::-1]  # newest first

    def delete(check_id: str) -> None:
        try:
            set_undo((session.log.delete_check(check_id), session.log.generation))
        except KeyError:  # another window deleted it first
            set_undo(None)

    def restore() -> None:
        if undo is not None:
            session.log.restore_check(*undo)
        set_undo(None)

    controls: list[ft.Control] = [heading(f"SOS checks ({len(checks)})")]
    if undo is not None and undo[1] == session.log.generation and undo[0].id not in {c.id for c in checks}:
        controls.append(ft.Semantics(container=True, live_region=True, content=ft.Container(
            bgcolor=ft.Colors.INVERSE_SURFACE, border_radius=12, padding=8,
            content=ft.Row(controls=[
                ft.Text("SOS check deleted.", color=ft.Colors.ON_INVERSE_SURFACE, size=16, expand=True),
                ft.TextButton("Undo", height=TARGET, on_click=restore,
                              style=ft.ButtonStyle(color=ft.Colors.INVERSE_PRIMARY)),
            ]),
        )))
    if not checks:
        controls.append(ft.Text("No SOS check kept. Each check you run is listed here.", size=16))
    controls += [_row(c, delete) for c in checks[:shown]]
    if shown < len(checks):
        controls.append(ft.OutlinedButton(f"Show more ({count(len(checks) - shown, 'older check')})",
                                          height=TARGET, on_click=lambda: set_shown(shown + PAGE)))
    return ft.Column(spacing=8, controls=controls)
