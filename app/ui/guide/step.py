"""A relief step of the guide: picture and every line of its card above; timer, Done, Skip pinned below."""

from __future__ import annotations

import flet as ft

from app.ui.guide.temperature import GuideTemperature
from app.ui.kit.big import big_button, pair, title, words
from app.ui.kit.boundary import component
from app.ui.kit.caution import Caution
from app.ui.kit.illustration import Illustration
from app.ui.kit.pinned import Pinned
from app.ui.kit.sources import sources_part
from app.ui.kit.theme import TARGET
from app.ui.session import Session
from app.ui.timers.panel import clock
from app.ui.timers.timers import Timers


def _why(card) -> ft.Control:
    """The evidence in words, the kinds of source, and the full references behind Sources."""
    evidence = [words(card.evidence, selectable=True)] if card.evidence else []
    return ft.Column(spacing=8, controls=[*evidence, *sources_part(card.sources, size=20)])


def _why_button(open_: bool, on_click) -> ft.Control:
    """'Why this?' drawn as a button: an outline, an icon, and an arrow that says it opens."""
    return ft.OutlinedButton(
        height=TARGET, on_click=on_click,
        style=ft.ButtonStyle(side=ft.BorderSide(2, ft.Colors.PRIMARY),
                             shape=ft.RoundedRectangleBorder(radius=12)),
        content=ft.Row(tight=True, controls=[
            ft.Icon(ft.Icons.HELP_OUTLINE, color=ft.Colors.PRIMARY),
            words("Why this?", size=20, color=ft.Colors.PRIMARY),
            ft.Icon(ft.Icons.EXPAND_LESS if open_ else ft.Icons.EXPAND_MORE, color=ft.Colors.PRIMARY),
        ]),
    )


def _timer_label(timer) -> str:
    length = f"{timer.minutes} min" if timer.minutes else f"{timer.seconds} s"
    return f"Start {timer.repeats} × {length} timer" if timer.repeats > 1 else f"Start {length} timer"


@component
def GuideStep(session: Session, timers: Timers) -> ft.Control:
    why, set_why = ft.use_state(False)
    step = session.guide_step()
    if step is None:
        return words("No more steps for now.")
    card = step.card
    if card is None:  # heat or ice, side by side: the person chooses
        return GuideTemperature(session, step)
    running = timers.running(card.id)
    body: list[ft.Control] = [
        Illustration(card.illustration, card.title, session.dark, height=150),
        title(card.title),
        *[words(line) for line in card.steps],
    ]
    if card.caution:
        body.append(Caution(card.caution, size=20))
    body += [
        _why_button(why, lambda: set_why(not why)),
        _why(card) if why else ft.Container(visible=False),
    ]
    answers: list[ft.Control] = []
    if running:
        rounds = f"Round {timers.rep} of {timers.reps} · " if timers.reps > 1 else ""
        answers.append(words(f"{rounds}{clock(timers.remaining)} left · {timers.breath or 'Breathe slowly'}",
                             size=22, weight=ft.FontWeight.BOLD, color=ft.Colors.PRIMARY))
    elif card.timer is not None:
        minutes = card.timer.minutes or None
        answers.append(big_button(_timer_label(card.timer), lambda: session.guide_timer(card.id, minutes),
                                  icon=ft.Icons.TIMER, bgcolor=ft.Colors.PRIMARY, color=ft.Colors.ON_PRIMARY))
    answers += [
        big_button("Done", lambda: session.guide_done(card.id), icon=ft.Icons.CHECK),
        pair(big_button("Skip", lambda: session.guide_skip(step.skip_cards), outlined=True, half=True),
             big_button("Another one", session.guide_another, outlined=True, half=True)
             if step.alternatives >= 2 else ft.Container(expand=True)),
    ]
    if step.category == "active" and not session.guide.easier:
        answers.append(ft.TextButton(content=words("It feels a bit easier now", size=20), height=TARGET,
                                     on_click=session.guide_easier))
    return Pinned(screen=f"step-{card.id}", body=body, answers=answers)
