"""The guided steps of one episode: which step, when, done or skipped, and pain before and after."""

from __future__ import annotations

import flet as ft

from app.domain.episode import Episode, StepRecord
from app.domain.report import label
from app.ui.log.episode_pain import when


def step_line(step: StepRecord, episode: Episode) -> str:
    """'Wrapped ice pack · 08:15 · done · pain 8 before, 6 after' (the app's font has no arrow)."""
    parts = [label(step.card), when(step.at, episode.start), step.outcome]
    if step.pain_before is not None or step.pain_after is not None:
        before = "not scored" if step.pain_before is None else step.pain_before
        after = "not scored" if step.pain_after is None else step.pain_after
        parts.append(f"pain {before} before, {after} after")
    return " · ".join(parts)


def steps_list(episode: Episode) -> list[ft.Control]:
    if not episode.steps:
        return [ft.Text("No guided steps in this episode.", size=16)]
    return [ft.Text(step_line(s, episode), size=16) for s in sorted(episode.steps, key=lambda s: s.at)]
