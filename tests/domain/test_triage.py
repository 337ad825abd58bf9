"""Triage: every flag lands in its tier, emergency wins, unknown ids are an error."""

from datetime import UTC, datetime

import pytest

from app.content.loader import library
from app.domain.triage import UnknownFlagError, call_script, triage

FLAGS = library().red_flags


@pytest.mark.parametrize("flag", FLAGS, ids=lambda f: f.id)
def test_each_flag_alone_gives_its_tier(flag):
    result = triage([flag.id], FLAGS)
    assert result.tier == flag.tier
    assert result.reasons == (flag,)


def test_nothing_ticked_is_self_care():
    result = triage([], FLAGS)
    assert result.tier == "self-care" and result.reasons == ()
    assert "relief" in " ".join(result.actions).lower()


def test_emergency_beats_urgent_and_lists_every_reason():
    result = triage(["fever", "bladder-leaking"], FLAGS)
    assert result.tier == "emergency"
    assert [f.id for f in result.reasons] == ["bladder-leaking", "fever"]
    assert any("do not drive" in a.lower() for a in result.actions)


def test_urgent_only_says_contact_today():
    result = triage(["fever", "weight-loss"], FLAGS)
    assert result.tier == "urgent"
    assert "today" in result.actions[0]


def test_history_items_alone_triage_as_urgent():
    result = triage(["cancer-history", "long-term-steroids"], FLAGS)
    assert result.tier == "urgent"


def test_sciatica_in_one_leg_is_urgent_but_both_legs_is_an_emergency():
    assert triage(["sciatica-one-leg"], FLAGS).tier == "urgent"
    assert triage(["sciatica-one-leg", "both-legs-numb-weak"], FLAGS).tier == "emergency"


def test_emergency_screen_offers_a_and_e_with_someone_else_driving():
    actions = triage(["bladder-leaking"], FLAGS).actions
    assert any("A&E" in a and "someone else driving" in a for a in actions)
    assert any("Do not drive yourself" in a for a in actions)


def test_after_a_serious_fall_keep_still_and_no_car_ride():
    actions = triage(["after-accident-fall", "bladder-leaking"], FLAGS).actions
    assert any("keep still" in a for a in actions)
    assert not any("someone else driving" in a for a in actions)


def test_unknown_id_is_an_error_not_ignored():
    with pytest.raises(UnknownFlagError, match="no-such-flag"):
        triage(["fever", "no-such-flag"], FLAGS)


def test_ticking_twice_counts_once():
    assert len(triage(["fever", "fever"], FLAGS).reasons) == 1


NOW = datetime(2026, 11, 21, 18, 0, tzinfo=UTC)


def test_call_script_asks_for_an_ambulance_then_where_then_the_details():
    began = datetime(2026, 11, 21, 10, 24, tzinfo=UTC)
    script = call_script(triage(["bladder-leaking", "fever"], FLAGS), began, NOW, "today")
    assert script.opening == '"I need an ambulance."'
    assert script.where.startswith("Tell them where you are")
    assert "address" in script.where and "landmark" in script.where
    assert script.details == ('"I have back pain. It began today at 10:24. '
                              "Since my back pain began I'm leaking pee or have lost control of my bladder. "
                              "I have a high temperature or feel hot and shivery. "
                              'These signs began today."')
    assert str(script).startswith('"I need an ambulance."')


@pytest.mark.parametrize("began, words", [
    (datetime(2026, 11, 20, 22, 5, tzinfo=UTC), "It began yesterday at 22:05."),
    (datetime(2026, 11, 14, 9, 0, tzinfo=UTC), "It began on 14 Nov at 09:00."),
])
def test_call_script_says_when_the_back_pain_began(began, words):
    assert words in call_script(triage(["chest-pain"], FLAGS), began, NOW).details


@pytest.mark.parametrize("onset, words", [("days", "These signs began 1 to 2 days ago."),
                                          ("longer", "These signs began more than 2 days ago.")])
def test_call_script_says_when_the_signs_began_once_picked(onset, words):
    result = triage(["chest-pain"], FLAGS)
    assert words in call_script(result, None, NOW, onset).details
    assert "signs began" not in call_script(result, None, NOW).details


def test_call_script_without_an_episode_still_says_back_pain():
    details = call_script(triage(["chest-pain"], FLAGS), None, NOW).details
    assert details == '"I have back pain. I have chest pain."'


def test_call_script_is_always_in_the_callers_own_words():
    for flag in FLAGS:
        assert "your" not in str(call_script(triage([flag.id], FLAGS), None, NOW)).lower(), flag.id
