"""The episode in progress: when to get advice, pain score, triggers, what helped, and ending it."""

from __future__ import annotations

import flet as ft

from app.content.loader import library
from app.domain.advice import Nudge, doctor_nudge
from app.domain.episode import Episode
from app.domain.words import ago
from app.ui.kit.boundary import component
from app.ui.kit.choice_chips import ChoiceChips
from app.ui.kit.heading import heading
from app.ui.kit.pain_buttons import PainButtons
from app.ui.kit.theme import TARGET, amber
from app.ui.log.did_it_help import DidItHelp
from app.ui.log.taken_panel import TakenPanel
from app.ui.session import Session, now


def since(episode: Episode) -> str:
    return f"Started {episode.start.astimezone():%H:%M} ({ago(episode.duration(now()))})"


def _nudge(nudge: Nudge, session: Session) -> ft.Control:
    """When to see a pharmacist or doctor; amber with a way into SOS when the pain is rising."""
    rising = nudge.level == "gp-now"
    bg, fg = amber(session.dark) if rising else (ft.Colors.SECONDARY_CONTAINER,
                                                   ft.Colors.ON_SECONDARY_CONTAINER)
    lines: list[ft.Control] = [
        ft.Text(nudge.title, size=18, weight=ft.FontWeight.BOLD, color=fg),
        ft.Text(nudge.text, size=16, color=fg),
    ]
    if rising:
        lines.append(ft.OutlinedButton("Check the warning signs", height=TARGET, on_click=session.open_sos,
                                       style=ft.ButtonStyle(color=fg, side=ft.BorderSide(2, fg))))
    return ft.Container(bgcolor=bg, border_radius=12, padding=12,
                        content=ft.Column(spacing=6, controls=lines))


@component
def ActiveEpisode(session: Session, episode: Episode) -> ft.Control:
    lib = library()
    last = episode.pain[-1].score if episode.pain else None
    relief = [(c.id, c.title) for c in lib.deck("relief").cards if c.log_choice]
    return ft.Container(
        border=ft.Border.all(2, ft.Colors.PRIMARY), border_radius=16, padding=14,
        content=ft.Column(spacing=12, controls=[
            heading("Spasm in progress", size=24),
            ft.Text(since(episode), size=16),
            _nudge(doctor_nudge(episode.start, now(), episode.pain), session),
            ft.Text("How bad is the pain now? (0 = none, 10 = worst)" +
                    (f" · last: {last}" if last is not None else ""), size=18),
            PainButtons(session.log_pain, last),
            DidItHelp(session, episode),
            ft.Text("What set it off?", size=18, weight=ft.FontWeight.BOLD),
            ChoiceChips([(t.id, t.label) for t in lib.triggers], episode.triggers,
                        lambda cid: session.toggle_choice("triggers", cid)),
            ft.Text("What helped?", size=18, weight=ft.FontWeight.BOLD),
            ChoiceChips(relief, episode.helped, lambda cid: session.toggle_choice("helped", cid)),
            TakenPanel(session, episode),
            ft.Button("End this episode", icon=ft.Icons.CHECK_CIRCLE, height=TARGET,
                      width=float("inf"), on_click=session.end_episode),
        ]),
    )
