"""The guide's rules: every emergency sign is asked, a Yes goes through triage, relief in NICE's order."""

from datetime import UTC, datetime, timedelta

import pytest

from app.content.guide import questions
from app.content.loader import library
from app.domain.episode import Episode, PainReading, StepRecord
from app.domain.guide import (
    STEPS,
    NotAskedError,
    answer_no_to_all,
    answer_urgent,
    answer_yes,
    eased,
    next_step,
    safety_progress,
    summary,
    urgent_check_flags,
)
from app.domain.triage import call_script, triage

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
FLAGS = {f.id: f for f in library().red_flags}


def question_of(flag_id: str):
    return next(q for q in questions() if flag_id in q.flags)


def test_every_emergency_flag_belongs_to_exactly_one_question():
    asked = [f for q in questions() for f in q.flags]
    emergency = [f.id for f in library().red_flags if f.tier == "emergency"]
    assert sorted(asked) == sorted(emergency) and len(set(asked)) == len(asked)
    assert len(questions()) <= 3  # safety in three taps or fewer


def test_the_count_on_screen_is_the_true_number_of_questions():
    n = len(questions())
    assert [safety_progress(i) for i in range(n)][-1] == f"Safety check {n} of {n}"


@pytest.mark.parametrize("flag_id", [f for q in questions() for f in q.flags])
def test_a_yes_then_one_sign_is_exactly_what_triage_says_for_that_sign(flag_id):
    result = answer_yes(question_of(flag_id), flag_id)
    assert result == triage([flag_id], library().red_flags)
    script = call_script(result, T0, T0).details
    assert FLAGS[flag_id].say in script
    others = [FLAGS[f].say for f in question_of(flag_id).flags if f != flag_id]
    assert not any(s in script for s in others), "the script says only the sign picked"


def test_yes_to_the_accident_question_says_keep_still_and_no_a_and_e():
    result = answer_yes(question_of("after-accident-fall"), "after-accident-fall")
    text = " ".join(result.actions)
    assert "keep still" in text and "Wait for the ambulance" in text
    assert "A&E" not in text and "someone else driving" not in text


def test_yes_to_chest_pain_calls_an_ambulance_and_offers_no_lift():
    result = answer_yes(question_of("chest-pain"), "chest-pain")
    text = " ".join(result.actions)
    assert result.route == "ambulance" and "A&E" not in text and "someone else driving" not in text
    assert "keep still" not in text  # only a fall says that


def test_a_yes_must_say_which_sign_when_the_question_has_several():
    q = question_of("chest-pain")
    with pytest.raises(NotAskedError, match="which one"):
        answer_yes(q)
    with pytest.raises(NotAskedError, match="bladder-leaking"):
        answer_yes(q, "bladder-leaking")


def test_no_to_every_question_is_the_empty_check():
    assert answer_no_to_all() == triage([], library().red_flags)
    assert answer_no_to_all().tier == "self-care"


def test_the_later_check_lists_urgent_soon_and_history_and_records_which_signs():
    listed = [f.id for f in urgent_check_flags()]
    assert {"fever", "sciatica-one-leg", "pregnant-bleeding", "cancer-history", "weak-immune"} <= set(listed)
    assert not any(FLAGS[f].tier == "emergency" for f in listed)
    assert listed.index("sciatica-one-leg") < listed.index("cancer-history")  # history last
    result = answer_urgent(["fever", "osteoporosis"])
    assert result.tier == "urgent" and [f.id for f in result.reasons] == ["fever", "osteoporosis"]
    assert answer_urgent(["sciatica-one-leg"]).tier == "soon"
    with pytest.raises(NotAskedError):
        answer_urgent(["chest-pain"])


def ep(*scores, steps=(), **kw) -> Episode:
    return Episode(start=T0, pain=[PainReading(at=T0 + timedelta(minutes=10 * i), score=s)
                                   for i, s in enumerate(scores)], steps=list(steps), **kw)


def done(card: str, before=None, after=None) -> StepRecord:
    return StepRecord(card=card, at=T0, pain_before=before, pain_after=after)


def skipped(card: str) -> StepRecord:
    return StepRecord(card=card, at=T0, outcome="skipped")


def test_reassurance_comes_first_then_a_supported_position():
    now = T0 + timedelta(hours=1)
    first = next_step(ep(8), now)
    assert (first.category, first.card.id, first.alternatives) == ("reassure", "settle", 1)
    worry = [line for line in first.card.steps if "worry" in line.lower()]
    assert len(worry) == 1 and "SOS" in worry[0]  # one line of what would be a reason to worry
    after = next_step(ep(8, steps=[done("settle")]), now)
    assert after.category == "position"
    assert next_step(ep(8, steps=[done("settle")]), now, another=1).card.id == "rest-90-90"


def test_heat_and_ice_are_offered_side_by_side_with_neither_chosen():
    before = [done("settle"), done("rest-knees-bent")]
    for age in (timedelta(hours=1), timedelta(days=3)):  # the episode's age pre-chooses nothing
        step = next_step(ep(8, steps=before), T0 + age)
        assert step.category == "temperature" and step.card is None
        assert {o.kind for o in step.temperature} == {"heat", "ice"}
        assert not any(o.chosen for o in step.temperature)
        assert set(step.skip_cards) == {"heat-pad", "ice-pack"}


@pytest.mark.parametrize("choice, card", [("heat", "heat-pad"), ("ice", "ice-pack")])
def test_the_persons_choice_of_heat_or_ice_is_remembered(choice, card):
    step = next_step(ep(8, steps=[done("settle"), done("rest-90-90")], temperature=choice), T0)
    assert step.card.id == card and step.skip_cards == (card,)
    assert [o.kind for o in step.temperature if o.chosen] == [choice]


def test_gentle_movement_waits_until_the_pain_the_person_gave_has_eased():
    before = [done("settle"), done("rest-knees-bent"), done("ice-pack", 8, 8)]
    assert next_step(ep(8, 8, steps=before), T0).category == "active"
    assert next_step(ep(8, 6, steps=before), T0).category == "movement"
    assert next_step(ep(8, 8, steps=before), T0, feels_easier=True).category == "movement"


def test_skipped_steps_never_count_as_the_pain_easing():
    steps = [done("settle"), skipped("rest-knees-bent"), skipped("heat-pad"), skipped("ice-pack")]
    episode = ep(8, steps=steps)
    assert not eased(episode)
    assert next_step(episode, T0).category == "active"


def test_movement_comes_before_staying_active_once_eased():
    steps = [done("settle"), done("rest-knees-bent"), done("heat-pad")]
    order = []
    episode = ep(8, 5, steps=steps)
    while (step := next_step(episode, T0)) is not None:
        order.append(step.category)
        episode = episode.model_copy(update={"steps": [*episode.steps, done(step.card.id)]})
    assert order == ["movement", "active"]


def test_the_guide_ends_once_every_kind_of_step_was_done_or_skipped():
    steps = [done("settle"), done("rest-knees-bent"), done("heat-pad"), done("pelvic-tilt"),
             skipped("short-walk")]
    assert next_step(ep(8, 5, steps=steps), T0) is None


def test_every_guide_card_exists():
    cards = library().cards_by_id()
    assert all(c in cards for ids in STEPS.values() for c in ids)


def test_summary_gives_pain_at_the_start_and_now_and_the_relief_steps_done():
    steps = [done("settle"), done("rest-knees-bent"), skipped("ice-pack")]
    s = summary(ep(7, 6, 5, steps=steps), T0 + timedelta(minutes=45))
    assert (s.pain_start, s.pain_now, s.took) == (7, 5, timedelta(minutes=45))
    assert s.done == ("Lie down with your knees propped up",)
    assert eased(ep(7, 5)) and not eased(ep(5, 7)) and not eased(ep(5))


def test_the_summary_keeps_a_sore_episode_open_above_three_and_offers_to_end_it_at_three():
    later = T0 + timedelta(minutes=30)
    assert summary(ep(7, 4), later).still_sore
    assert not summary(ep(7, 3), later).still_sore
    assert not summary(ep(), later).still_sore
