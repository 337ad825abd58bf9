"""A saved "Help me now" state resumes only when it still fits today's content and clock."""

import logging
import math

import pytest

from app.content.guide import questions
from app.domain.guide_resume import guide_problem, resumable_guide

NOW = 1_800_000_000.0  # time.time() of the reload


def saved(**changes) -> dict:
    return {"stage": "step", "question": 0, "another": 0, "easier": False, "urgent_asked": True,
            "episode": "abc123", "timer_card": None, "timer_end": None, "pain_before": None, **changes}


def test_a_state_saved_by_the_guide_resumes_as_it_was():
    state = saved(timer_card="ice-pack", timer_end=NOW + 300, pain_before=7)
    assert guide_problem(state, NOW) is None
    assert resumable_guide(state, NOW) == state
    assert resumable_guide(saved(timer_card="ice-pack", timer_end=NOW - 3600), NOW) is not None


@pytest.mark.parametrize(("state", "why"), [
    (saved(timer_card="retired-card", timer_end=NOW + 60), "card 'retired-card' no longer exists"),
    (saved(timer_card="ice-pack", timer_end="1800000300"), "timer_end"),
    (saved(timer_card="ice-pack", timer_end=math.inf), "finite"),
    (saved(timer_card="ice-pack", timer_end=NOW + 7 * 24 * 3600), "further ahead"),
    (saved(timer_card="ice-pack", timer_end=None), "without its end time"),
    (saved(question=len(questions())), "no longer exists"),
    (saved(stage="intro"), "stage"),
    (saved(pain_before=11), "pain_before"),
    (saved(question=True), "question"),
    (saved(episode=["abc"]), "episode"),
    (saved(extra={"nested": 1}), "not a plain value"),
    (["step", 3], "not a JSON object"),
])
def test_a_state_that_no_longer_fits_starts_the_guide_fresh_and_says_why(state, why, caplog):
    assert why in guide_problem(state, NOW)
    with caplog.at_level(logging.WARNING, logger="spasm_sos"):
        assert resumable_guide(state, NOW) is None
    assert "starts fresh" in caplog.text


def test_nothing_saved_is_nothing_to_resume():
    assert resumable_guide(None, NOW) is None


def test_a_field_added_by_a_newer_guide_is_passed_through():
    assert resumable_guide(saved(checked_recently=True), NOW)["checked_recently"] is True
