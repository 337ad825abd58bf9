"""'Help me now' without a browser: safety first, one step at a time, everything logged and resumable."""

import pytest

from app.content.guide import questions
from app.store import EpisodeLog, MemoryBackend
from app.ui.session import Session


@pytest.fixture
def session():
    return Session(log=EpisodeLog(MemoryBackend()))


def through_safety(session):
    session.open_guide()
    for _ in questions():
        session.guide_answer("no")


def _to_question(session, asks: str) -> None:
    session.open_guide()
    while asks not in questions()[session.guide.question].flags:
        session.guide_answer("no")


def test_yes_then_which_one_opens_the_emergency_screen_with_that_sign_only(session):
    _to_question(session, "chest-pain")
    session.guide_answer("yes")
    assert session.guide.picking and session.overlay == "guide"
    session.guide_pick("chest-pain")
    assert (session.overlay, session.result.tier) == ("sos", "emergency")
    assert [f.id for f in session.result.reasons] == ["chest-pain"]
    assert session.log.checks()[-1].flags == ["chest-pain"]
    said = " ".join(session.result.actions)
    assert "A&E" not in said and "someone else driving" not in said


def test_yes_after_a_fall_says_keep_still_and_offers_no_lift(session):
    fall = next(f for q in questions() for f in q.flags if "fall" in f or "accident" in f)
    _to_question(session, fall)
    session.guide_answer("yes")
    if session.guide.picking:
        session.guide_pick(fall)
    said = " ".join(session.result.actions).lower()
    assert "keep still" in said and "someone else driving" not in said


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
    assert session.guide_step().category == "reassure"  # NICE NG59 1.1: advice and reassurance first


def test_steps_done_and_skipped_are_recorded_with_the_pain_before(session):
    through_safety(session)
    session.guide_start(0)
    session.guide_pain(8)
    first = session.guide_step().card.id
    session.guide_done(first)
    assert session.guide.stage == "urgent"  # asked after the first step, never before relief
    session.guide_urgent([])
    second = session.guide_step().card.id
    session.guide_skip((second,))
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


def test_an_episode_open_for_days_is_not_continued_without_asking(session):
    from datetime import timedelta

    from app.domain.episode import Episode, utc_now
    session.log.add(Episode(start=utc_now() - timedelta(days=3)))
    session.open_guide()
    assert session.guide.stage == "same"
    session.guide_same(False)
    assert session.active is None and session.guide.stage == "safety"
    ended = session.log.newest_first()[0]
    assert ended.end == ended.start  # ended at its last entry, not now


def test_the_same_spasm_goes_on_with_it(session):
    from datetime import timedelta

    from app.domain.episode import Episode, utc_now
    old = session.log.add(Episode(start=utc_now() - timedelta(days=3)))
    session.open_guide()
    session.guide_same(True)
    assert session.active.id == old.id and session.guide.episode == old.id


def test_ending_an_episode_dated_in_the_future_says_so_instead_of_crashing(session):
    from datetime import timedelta

    from app.domain.episode import Episode, utc_now
    future = session.log.add(Episode(start=utc_now() + timedelta(hours=20)))
    session.end(future.id)  # "End now" on its history row
    assert session.log.get(future.id).is_open and "before" in session.problem
