"""'Help me now' without a browser: safety first, one step at a time, everything logged and resumable."""

import pytest

from app.store import EpisodeLog, MemoryBackend
from app.ui.session import Session


@pytest.fixture
def session():
    return Session(log=EpisodeLog(MemoryBackend()))


def through_safety(session):
    session.open_guide()
    for _ in range(3):
        session.guide_answer("no")


def test_yes_to_a_safety_question_opens_the_emergency_screen_at_once(session):
    session.open_guide()
    session.guide_answer("yes")
    assert (session.overlay, session.result.tier) == ("sos", "emergency")
    assert session.log.checks()[-1].tier == "emergency"


def test_not_sure_opens_the_full_checklist(session):
    session.open_guide()
    session.guide_answer("no")
    session.guide_answer("not-sure")
    assert (session.overlay, session.result) == ("sos", None)


def test_no_to_every_question_then_one_tap_starts_and_one_scores(session):
    through_safety(session)
    assert session.guide.stage == "start"
    session.guide_start(15)
    session.guide_pain(7)
    assert session.guide.stage == "step" and session.active.pain[-1].score == 7
    assert session.guide_step().category == "position"


def test_steps_done_and_skipped_are_recorded_with_the_pain_before(session):
    through_safety(session)
    session.guide_start(0)
    session.guide_pain(8)
    first = session.guide_step().card.id
    session.guide_done(first)
    assert session.guide.stage == "urgent"  # asked after the first step, never before relief
    session.guide_urgent(False)
    second = session.guide_step().card.id
    session.guide_skip(second)
    steps = session.active.steps
    assert [(s.card, s.outcome, s.pain_before) for s in steps] == [(first, "done", 8), (second, "skipped", 8)]


def test_a_reopened_guide_resumes_the_same_step_from_the_saved_log(session):
    through_safety(session)
    session.guide_start(0)
    session.guide_pain(6)
    session.guide_another()
    card = session.guide_step().card.id
    reopened = Session(log=EpisodeLog(MemoryBackend(session.log.backend.text)))
    reopened.settings = reopened.log.settings()
    reopened.open_guide()
    assert reopened.guide.stage == "step" and reopened.guide_step().card.id == card


def test_the_end_offers_end_episode_or_keep_it_open(session):
    through_safety(session)
    session.guide_start(0)
    session.guide_pain(6)
    session.guide_finish(False)
    assert session.active is not None and session.overlay is None
    session.open_guide()
    session.guide_finish(True)
    assert session.active is None


def test_a_clear_sos_check_minutes_ago_spares_the_safety_questions_until_check_again(tmp_path):
    session = Session(log=EpisodeLog(MemoryBackend()))
    session.check()  # SOS, "None of these"
    session.open_guide()
    assert (session.guide.stage, session.guide.checked_recently) == ("start", True)
    session.guide_recheck()
    assert (session.guide.stage, session.guide.question) == ("safety", 0)


def test_without_a_recent_check_the_guide_asks_the_safety_questions():
    session = Session(log=EpisodeLog(MemoryBackend()))
    session.open_guide()
    assert session.guide.stage == "safety"


def test_done_on_a_running_timed_step_asks_for_pain_before_moving_on():
    session = Session(log=EpisodeLog(MemoryBackend()))
    session.open_guide()
    session._guide_to(session.guide.to(stage="step", timer_card="ice-pack", timer_end=9e12))
    session.start_episode()
    session.guide_done("ice-pack")
    assert session.guide_waiting_for_checkin()
    assert session.active.steps == [], "nothing is recorded before the pain check"
