"""A relief step of the guide: picture, three short lines, Done / Skip / Another one, and why."""

from __future__ import annotations

import flet as ft

from app.content.loader import library
from app.ui.kit.big import BIG, big_button, title, words
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET, WHITE
from app.ui.session import Session
from app.ui.timers.timers import Timers

LINES = 3


def _why(card) -> ft.Control:
    lib = library()
    lines = [card.evidence] if card.evidence else []
    lines.append("Sources: " + ", ".join(lib.source(s).title for s in card.sources))
    return ft.Column(spacing=8, controls=[words(line, selectable=True) for line in lines])


@component
def GuideStep(session: Session, timers: Timers) -> ft.Control:
    why, set_why = ft.use_state(False)
    step = session.guide_step()
    if step is None:
        return words("No more steps for now.")
    card = step.card
    running = timers.running(card.id)
    controls: list[ft.Control] = [
        ft.Container(bgcolor=WHITE, border_radius=16, padding=8, content=ft.Image(
            src=f"illustrations/{card.illustration}.svg", height=170, fit=ft.BoxFit.CONTAIN,
            semantics_label=f"Picture: {card.title}")),
        title(card.title),
        *[words(line) for line in card.steps[:LINES]],
    ]
    if card.caution:
        controls.append(words(card.caution, color=ft.Colors.ERROR))
    if running:
        minutes, seconds = divmod(timers.remaining, 60)
        controls += [words(f"{minutes}:{seconds:02d} left", size=40, weight=ft.FontWeight.W_900),
                     words(timers.breath or "Breathe slowly", size=28, color=ft.Colors.PRIMARY)]
    elif card.timer is not None:
        minutes = card.timer.minutes or None
        label = f"Start {card.timer.minutes} min timer" if minutes else f"Start {card.timer.seconds} s timer"
        controls.append(big_button(label, lambda: session.guide_timer(card.id, minutes), icon=ft.Icons.TIMER,
                                   bgcolor=ft.Colors.PRIMARY, color=ft.Colors.ON_PRIMARY))
    controls += [
        big_button("Done", lambda: session.guide_done(card.id), icon=ft.Icons.CHECK),
        ft.Row(spacing=10, controls=[
            ft.OutlinedButton(content=words("Skip", weight=ft.FontWeight.BOLD), expand=True, height=BIG,
                              on_click=lambda: session.guide_skip(card.id)),
            ft.OutlinedButton(content=words("Another one", weight=ft.FontWeight.BOLD), expand=True,
                              height=BIG, on_click=session.guide_another, disabled=step.alternatives < 2),
        ]),
    ]
    if step.category == "active" and not session.guide.easier:
        controls.append(ft.TextButton(content=words("It feels a bit easier now"), height=TARGET,
                                      on_click=session.guide_easier))
    controls += [
        ft.TextButton(content=words("Why this?"), height=TARGET, on_click=lambda: set_why(not why)),
        _why(card) if why else ft.Container(visible=False),
    ]
    return ft.Column(spacing=12, controls=controls)
