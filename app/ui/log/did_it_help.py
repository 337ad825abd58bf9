"""'Did it help?' about the last thing taken, asked once a pain score has been given since."""

from __future__ import annotations

import flet as ft

from app.domain.episode import Episode
from app.domain.taken import ask_if_it_helped
from app.ui.kit.boundary import component
from app.ui.kit.choice_chips import ChoiceChips
from app.ui.session import Session

EFFECTS = [("better", "Better"), ("same", "Same"), ("worse", "Worse")]


@component
def DidItHelp(session: Session, episode: Episode) -> ft.Control:
    asking = ask_if_it_helped(episode)
    if asking is None:
        return ft.Container(visible=False)
    return ft.Column(spacing=8, controls=[
        ft.Text(f"Did {episode.taken[asking].what} help?", size=18, weight=ft.FontWeight.BOLD),
        ChoiceChips(EFFECTS, [], lambda effect: session.set_effect(episode.id, asking, effect)),
    ])
