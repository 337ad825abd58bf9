"""One safety question of the guide, its signs in plain words, Yes / No / Not sure; after Yes, which one."""

from __future__ import annotations

import flet as ft

from app.content.guide import questions
from app.content.loader import library
from app.domain.guide import safety_progress
from app.ui.kit.big import big_button, pair, title, words
from app.ui.kit.boundary import component
from app.ui.kit.pinned import Pinned
from app.ui.kit.theme import SOS_RED, WHITE
from app.ui.session import Session


@component
def GuideQuestion(session: Session) -> ft.Control:
    number = session.guide.question
    question = questions()[number]
    labels = {f.id: f.label for f in library().red_flags}
    if session.guide.picking:
        return Pinned(screen=f"pick-{number}", body=[
            title("Which one is it?"),
            words("Tap the one that is true. The call handler will ask about it."),
            *[big_button(labels[f], lambda _=None, f=f: session.guide_pick(f), outlined=True)
              for f in question.flags],
        ], answers=[big_button("More than one, or not sure", session.open_sos, bgcolor=SOS_RED,
                               color=WHITE)])
    return Pinned(screen=f"question-{number}", body=[
        words(safety_progress(number), color=ft.Colors.ON_SURFACE_VARIANT),
        title(question.ask),
        words("That means any of these:"),
        *[words(f"• {labels[f]}") for f in question.flags],
    ], answers=[
        pair(big_button("Yes", lambda: session.guide_answer("yes"), bgcolor=SOS_RED, color=WHITE, half=True),
             big_button("No", lambda: session.guide_answer("no"), half=True)),
        big_button("Not sure", lambda: session.guide_answer("not-sure"), outlined=True),
    ])
