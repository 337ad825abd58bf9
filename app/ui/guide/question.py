"""One safety question of the guide, with its signs in plain words and Yes / No / Not sure."""

from __future__ import annotations

import flet as ft

from app.content.guide import questions
from app.content.loader import library
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
    return Pinned(screen=f"question-{number}", body=[
        words(f"Safety check {number + 1} of {len(questions())}",
              color=ft.Colors.ON_SURFACE_VARIANT),
        title(question.ask),
        words("That means any of these:"),
        *[words(f"• {labels[f]}") for f in question.flags],
    ], answers=[
        pair(big_button("Yes", lambda: session.guide_answer("yes"), bgcolor=SOS_RED, color=WHITE, half=True),
             big_button("No", lambda: session.guide_answer("no"), half=True)),
        big_button("Not sure", lambda: session.guide_answer("not-sure"), outlined=True),
    ])
