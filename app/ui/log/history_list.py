"""Past episodes, newest first, built a page at a time; deleting offers undo."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component
from app.ui.kit.heading import heading
from app.ui.kit.theme import TARGET
from app.ui.log.episode_row import EpisodeRow
from app.ui.session import Session

PAGE = 20


@component
def HistoryList(session: Session) -> ft.Control:
    shown, set_shown = ft.use_state(PAGE)
    episodes = session.log.page(0, shown)
    total = len(session.log)
    controls: list[ft.Control] = [heading(f"History ({total})")]
    if session.can_undo:
        controls.append(ft.Container(
            bgcolor=ft.Colors.INVERSE_SURFACE, border_radius=12, padding=8,
            content=ft.Row(controls=[
                ft.Text("Episode deleted.", color=ft.Colors.ON_INVERSE_SURFACE, size=16,
                        expand=True),
                ft.TextButton("Undo", height=TARGET, on_click=session.undo_delete,
                              style=ft.ButtonStyle(color=ft.Colors.INVERSE_PRIMARY)),
            ]),
        ))
    controls += [EpisodeRow(session, e, key=e.id) for e in episodes]
    if shown < total:
        controls.append(ft.OutlinedButton(f"Show more ({total - shown} older)", height=TARGET,
                                          on_click=lambda: set_shown(shown + PAGE)))
    return ft.Column(spacing=8, controls=controls)
