"""Heat or ice, side by side in comfort mode: what each offers, then one big tap to choose."""

from __future__ import annotations

import flet as ft

from app.domain.guide import Step
from app.ui.kit.big import big_button, pair, title, words
from app.ui.kit.boundary import component
from app.ui.kit.heading import heading
from app.ui.kit.pinned import Pinned
from app.ui.session import Session

NAMES = {"ice": "Ice", "heat": "Heat"}


@component
def GuideTemperature(session: Session, step: Step) -> ft.Control:
    body: list[ft.Control] = [title("Heat or ice?"), words("Both are fair. Use the one that eases you.")]
    for option in step.temperature:
        body += [heading(NAMES[option.kind], level=3, size=24, color=ft.Colors.ON_SURFACE),
                 words(option.timing, size=20), words(option.evidence, size=20)]
    left, right = step.temperature
    return Pinned(screen="temperature", body=body, answers=[
        pair(*[big_button(NAMES[o.kind], lambda _=None, k=o.kind: session.edit_active(temperature=k),
                          bgcolor=ft.Colors.PRIMARY, color=ft.Colors.ON_PRIMARY, half=True)
               for o in (left, right)]),
        big_button("Skip", lambda: session.guide_skip(step.skip_cards), outlined=True),
    ])
