"""One past episode: when, how long, worst pain; opens to the episode in full."""

from __future__ import annotations

import flet as ft

from app.domain.episode import Episode
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.log.episode_detail import EpisodeDetail
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
    return ft.Column(spacing=8, controls=[tile, EpisodeDetail(session, episode)])
