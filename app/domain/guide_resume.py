"""Whether a saved "Help me now" state still fits today's content and clock, so a reload can resume it."""

from __future__ import annotations

import logging
import math
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.content.guide import questions
from app.content.loader import library

log = logging.getLogger("spasm_sos")
TIMER_SLACK = 60.0  # seconds: a timer saved a moment before the page reloaded


class SavedGuide(BaseModel):
    """The fields of the UI's GuideState as saved in settings["guide"], with JSON types checked."""

    model_config = ConfigDict(extra="allow", strict=True)

    stage: Literal["safety", "start", "pain", "step", "urgent", "end"] = "safety"
    question: int = Field(default=0, ge=0)
    another: int = Field(default=0, ge=0, le=1000)
    easier: bool = False
    urgent_asked: bool = False
    episode: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_-]{1,64}$")
    timer_card: str | None = Field(default=None, max_length=40)
    timer_end: float | None = None  # wall-clock seconds (time.time())
    pain_before: int | None = Field(default=None, ge=0, le=10)


def _longest_timer(card_id: str) -> float | None:
    """Seconds of the longest single timer the card can run today; None when it has none."""
    card = library().cards_by_id().get(card_id)
    if card is None or card.timer is None:
        return None
    timer = card.timer
    return max((*timer.choices, timer.minutes)) * 60 + timer.seconds


def guide_problem(saved: Any, now: float) -> str | None:
    """Why the saved guide state cannot be resumed today, or None when it can.

    Checks: a JSON object; every known field of the right type and range; extra fields only plain
    values; the safety question still exists; the timed card still exists and has a timer; its end
    is a finite number no further ahead of `now` (time.time()) than that timer can run.
    """
    if not isinstance(saved, dict):
        return f"not a JSON object but {type(saved).__name__}"
    try:
        state = SavedGuide.model_validate(saved)
    except ValidationError as exc:
        err = exc.errors()[0]
        return f"{'.'.join(map(str, err['loc'])) or 'state'}: {err['msg']}"[:160]
    extras = state.model_extra or {}
    if bad := [k for k, v in extras.items() if not isinstance(v, str | bool | int | float | None)]:
        return f"{bad[0]}: not a plain value"
    if state.question >= len(questions()):
        return f"question {state.question} no longer exists"
    if state.timer_end is not None and not math.isfinite(state.timer_end):
        return "timer_end is not a finite time"
    if state.timer_card is not None:
        longest = _longest_timer(state.timer_card)
        if longest is None:
            return f"card {state.timer_card!r} no longer exists or has no timer"
        if state.timer_end is None:
            return "a timed step without its end time"
        if state.timer_end > now + longest + TIMER_SLACK:
            return "the timer ends further ahead than the step can run (was the clock changed?)"
    return None


def resumable_guide(saved: Any, now: float) -> dict[str, Any] | None:
    """The saved state when it still fits (see guide_problem), else None: start the guide fresh.

    Nothing saved (None) is simply None; a state that does not fit is noted in the log once here.
    """
    if saved is None:
        return None
    if (why := guide_problem(saved, now)) is not None:
        log.warning("saved guide not resumed (%s): it starts fresh", why)
        return None
    return saved
