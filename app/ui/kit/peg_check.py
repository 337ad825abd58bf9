"""The weekly PEG check: three 0-10 questions, offered at most once a week and never while guided."""

from __future__ import annotations

import flet as ft

from app.domain.peg import PLAIN_SOURCE, QUESTIONS, SOURCE, due, in_guide, next_due
from app.domain.records import PegEntry
from app.ui.kit.boundary import component
from app.ui.kit.sources import SourceList
from app.ui.kit.theme import TARGET
from app.ui.session import Session, now


def _scale(on_pick, key: str) -> ft.Control:
    def button(score: int) -> ft.Control:
        return ft.Button(
            content=ft.Text(str(score), size=22, weight=ft.FontWeight.BOLD,
                            semantics_label=f"Answer {score}"),
            expand=True, height=TARGET,
            style=ft.ButtonStyle(padding=0, shape=ft.RoundedRectangleBorder(radius=12)),
            on_click=lambda: on_pick(score), key=f"{key}-{score}",
        )

    return ft.Column(spacing=8, controls=[
        ft.Row(spacing=6, controls=[button(s) for s in range(0, 6)]),
        ft.Row(spacing=6, controls=[button(s) for s in range(6, 11)]),
    ])


def _source() -> list[ft.Control]:
    return [ft.Text(PLAIN_SOURCE, size=14, italic=True, color=ft.Colors.ON_SURFACE_VARIANT),
            SourceList((SOURCE,))]


@component
def PegCheck(session: Session) -> ft.Control:
    answers, set_answers = ft.use_state(())
    started, set_started = ft.use_state(False)
    later, set_later = ft.use_state(False)
    saved, set_saved = ft.use_state(None)
    pegs = session.log.pegs()
    when = now()
    guiding = session.overlay == "guide" or in_guide(session.active, when)

    def box(*controls: ft.Control) -> ft.Control:
        return ft.Container(bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST, border_radius=16, padding=14,
                            content=ft.Column(spacing=10, controls=list(controls)))

    def pick(score: int) -> None:
        got = (*answers, score)
        if len(got) < len(QUESTIONS):
            set_answers(got)
            return
        entry = PegEntry(**dict(zip((q[0] for q in QUESTIONS), got, strict=True)))
        session.log.add_record(entry)
        set_answers(())
        set_started(False)
        set_saved(entry.score)
        session.revision += 1

    if saved is not None:
        upcoming = next_due(pegs)
        return box(
            ft.Text(f"Weekly check saved: PEG score {saved:.1f} out of 10.", size=18,
                    weight=ft.FontWeight.BOLD),
            ft.Text(f"The next one is offered from {upcoming:%a %d %b}." if upcoming else "", size=16),
        )
    episodes = session.log.newest_first()
    first = episodes[-1].start if episodes else None
    if guiding or later or not (started or due(pegs, when, guiding, first, session.active is not None)):
        return ft.Container(visible=False)
    if not started:
        return box(
            ft.Text("Weekly check: 3 questions", size=20, weight=ft.FontWeight.BOLD),
            ft.Text("About the past week, each from 0 to 10. It takes a minute, and your doctor's summary "
                    "shows how it changes.", size=16),
            ft.Row(wrap=True, controls=[
                ft.Button("Start the weekly check", height=TARGET, on_click=lambda: set_started(True)),
                ft.TextButton("Not now", height=TARGET, on_click=lambda: set_later(True)),
            ]),
            *_source(),
        )
    key, question, low, high = QUESTIONS[len(answers)]
    return box(
        ft.Text(f"Question {len(answers) + 1} of {len(QUESTIONS)}", size=16,
                color=ft.Colors.ON_SURFACE_VARIANT),
        ft.Text(question, size=20, weight=ft.FontWeight.BOLD),
        _scale(pick, key),
        ft.Row(controls=[ft.Text(low, size=15, expand=True),
                         ft.Text(high, size=15, expand=True, text_align=ft.TextAlign.RIGHT)]),
        *_source(),
    )
