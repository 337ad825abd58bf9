"""The guide's rules: every emergency sign is asked, and relief steps come in a sensible order."""

from datetime import UTC, datetime, timedelta

from app.content.guide import questions
from app.content.loader import library
from app.domain.episode import Episode, PainReading, StepRecord
from app.domain.guide import answer_yes, eased, next_step, summary
from app.domain.triage import call_script

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def test_every_emergency_flag_belongs_to_exactly_one_question():
    asked = [f for q in questions() for f in q.flags]
    emergency = [f.id for f in library().red_flags if f.tier == "emergency"]
    assert sorted(asked) == sorted(emergency) and len(set(asked)) == len(asked)
    assert len(questions()) <= 3  # safety in three taps or fewer


def test_yes_is_an_emergency_whose_call_script_says_the_signs_in_the_first_person():
    q = questions()[1]
    result = answer_yes(q)
    assert result.tier == "emergency"
    assert q.say in call_script(result, T0, T0).details


def test_yes_after_a_fall_tells_the_person_to_keep_still():
    fall = next(q for q in questions() if "after-accident-fall" in q.flags)
    assert answer_yes(fall).reasons[0].keep_still


def ep(*scores, steps=(), **kw) -> Episode:
    return Episode(start=T0, pain=[PainReading(at=T0 + timedelta(minutes=10 * i), score=s)
                                   for i, s in enumerate(scores)], steps=list(steps), **kw)


def done(card: str, before=None, after=None) -> StepRecord:
    return StepRecord(card=card, at=T0, pain_before=before, pain_after=after)


def test_a_supported_position_comes_first_then_ice_or_heat():
    now = T0 + timedelta(hours=1)
    assert next_step(ep(8), now).category == "position"
    assert next_step(ep(8), now, another=1).card.id == "rest-90-90"
    step = next_step(ep(8, steps=[done("rest-knees-bent")]), now)
    assert (step.category, step.card.id) == ("temperature", "ice-pack")  # the articles' first 48 h


def test_ice_or_heat_follows_the_persons_earlier_choice_then_the_episodes_age():
    position = [done("rest-90-90")]
    assert next_step(ep(8, steps=position, temperature="heat"), T0).card.id == "heat-pad"
    assert next_step(ep(8, steps=position), T0 + timedelta(days=3)).card.id == "heat-pad"
    assert next_step(ep(8, steps=position), T0 + timedelta(days=3), another=1).card.id == "ice-pack"


def test_gentle_movement_waits_until_the_pain_has_eased():
    before = [done("rest-knees-bent"), done("ice-pack", 8, 8)]
    assert next_step(ep(8, 8, steps=before), T0).category == "active"
    assert next_step(ep(8, 6, steps=before), T0).category == "movement"
    assert next_step(ep(8, 8, steps=before), T0, feels_easier=True).category == "movement"


def test_the_guide_ends_once_every_kind_of_step_was_done_or_skipped():
    steps = [done("rest-knees-bent"), done("heat-pad"), done("pelvic-tilt"),
             StepRecord(card="short-walk", at=T0, outcome="skipped")]
    assert next_step(ep(8, 5, steps=steps), T0) is None


def test_summary_gives_pain_at_the_start_and_now_and_what_was_done():
    steps = [done("rest-knees-bent"), StepRecord(card="ice-pack", at=T0, outcome="skipped")]
    s = summary(ep(7, 6, 5, steps=steps), T0 + timedelta(minutes=45))
    assert (s.pain_start, s.pain_now, s.took) == (7, 5, timedelta(minutes=45))
    assert s.done == ("Lie down with your knees propped up",)
    assert eased(ep(7, 5)) and not eased(ep(5, 7)) and not eased(ep(5))
