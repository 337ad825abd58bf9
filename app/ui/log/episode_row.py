"""One past episode: when, how long, worst pain; opens to edit notes, reopen or delete."""

from __future__ import annotations

import flet as ft

from app.domain.episode import Episode
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.session import Session, now


def summary(episode: Episode) -> str:
    minutes = int(episode.duration(now()).total_seconds() // 60)
    length = f"{minutes} min" if minutes < 120 else f"{minutes / 60:.1f} h"
    length = f"{length} so far" if episode.is_open else length
    peak = "no score" if episode.peak_pain is None else f"worst pain {episode.peak_pain}/10"
    return f"{episode.start.astimezone():%a %d %b, %H:%M} · {length} · {peak}"


@component
def EpisodeRow(session: Session, episode: Episode) -> ft.Control:
    open_, set_open = ft.use_state(False)
    tile = ft.ListTile(
        title=ft.Text(summary(episode), size=16),
        min_height=TARGET,
        trailing=ft.Icon(ft.Icons.EXPAND_LESS if open_ else ft.Icons.EXPAND_MORE),
        on_click=lambda: set_open(not open_),
    )
    if not open_:
        return tile
    return ft.Column(spacing=8, controls=[
        tile,
        ft.TextField(
            label="Notes", value=episode.notes, multiline=True, max_length=1000,
            on_blur=lambda e: session.edit(episode.id, notes=e.control.value or ""),
        ),
        ft.Row(wrap=True, controls=[
            ft.OutlinedButton("Mark as ongoing" if not episode.is_open else "End now",
                              height=TARGET,
                              on_click=lambda: session.edit(episode.id, end=None) if not episode.is_open
                              else session.end(episode.id)),
            ft.Button("Delete", icon=ft.Icons.DELETE_OUTLINE, height=TARGET,
                      color=ft.Colors.ERROR, on_click=lambda: session.delete(episode.id)),
        ]),
    ])
