"""Triage: every flag lands in its tier, the highest tier wins, each sign's route decides the actions."""

from datetime import UTC, datetime

import pytest

from app.content.loader import library
from app.domain.triage import (
    ACTIONS,
    UnknownFlagError,
    call_script,
    checklist_sections,
    triage,
)

FLAGS = library().red_flags


def said(result) -> str:
    return " ".join(result.actions)


@pytest.mark.parametrize("flag", FLAGS, ids=lambda f: f.id)
def test_each_flag_alone_gives_its_tier(flag):
    result = triage([flag.id], FLAGS)
    assert result.tier == flag.tier
    assert result.reasons == (flag,)


def test_nothing_ticked_is_self_care():
    result = triage([], FLAGS)
    assert result.tier == "self-care" and result.reasons == () and result.route is None
    assert "relief" in said(result).lower()


def test_emergency_beats_urgent_and_soon_and_lists_every_reason():
    result = triage(["sciatica-one-leg", "fever", "bladder-leaking"], FLAGS)
    assert result.tier == "emergency"
    assert [f.id for f in result.reasons] == ["bladder-leaking", "fever", "sciatica-one-leg"]
    assert "Do not drive yourself" in said(result)


def test_urgent_only_says_contact_today():
    result = triage(["fever", "weight-loss"], FLAGS)
    assert result.tier == "urgent" and result.route is None
    assert "today" in result.actions[0]


def test_urgent_beats_soon():
    assert triage(["sciatica-one-leg", "one-leg-worse"], FLAGS).tier == "urgent"


def test_history_items_alone_triage_as_urgent():
    assert triage(["cancer-history", "long-term-steroids"], FLAGS).tier == "urgent"


def test_one_sided_sciatica_is_a_gp_within_days_not_a_doctor_today():
    result = triage(["sciatica-one-leg"], FLAGS)
    assert result.tier == "soon"
    assert "next few days" in result.actions[0] and "GP" in result.actions[0]
    assert "few weeks" in said(result) and "today" not in result.actions[0]
    assert "both legs, call the emergency number" in said(result)


def test_worse_or_severe_leg_pain_stays_urgent_and_both_legs_an_emergency():
    assert triage(["one-leg-worse"], FLAGS).tier == "urgent"
    both = triage(["sciatica-one-leg", "both-legs-numb-weak"], FLAGS)
    assert (both.tier, both.route) == ("emergency", "ambulance_or_ae")


@pytest.mark.parametrize("flag_id", ["chest-pain", "sudden-back-and-tummy-pain", "faint-collapse",
                                     "sepsis-signs"])
def test_signs_only_an_ambulance_fits_never_offer_a_lift_to_a_and_e(flag_id):
    result = triage([flag_id], FLAGS)
    assert result.route == "ambulance"
    assert "A&E" not in said(result) and "someone else driving" not in said(result)
    assert "ambulance" in said(result) and "Do not go to hospital by car" in said(result)


def test_cauda_equina_signs_may_go_to_a_and_e_with_someone_else_driving():
    result = triage(["bladder-leaking"], FLAGS)
    assert result.route == "ambulance_or_ae"
    assert any("A&E" in a and "someone else driving" in a for a in result.actions)
    assert any("Do not drive yourself" in a for a in result.actions)


def test_one_ambulance_sign_takes_the_car_ride_away_from_every_other_sign():
    result = triage(["bladder-leaking", "chest-pain"], FLAGS)
    assert result.route == "ambulance" and "A&E" not in said(result)


def test_after_a_serious_fall_keep_still_and_no_car_ride():
    result = triage(["after-accident-fall", "bladder-leaking"], FLAGS)
    assert "keep still" in said(result) and "Wait for the ambulance" in said(result)
    assert "someone else driving" not in said(result) and "A&E" not in said(result)


def test_a_pregnant_person_is_told_to_call_the_midwife_now_once():
    result = triage(["pregnant-bleeding", "pregnant-labour"], FLAGS)
    assert result.tier == "urgent"
    midwife = [a for a in result.actions if "midwife" in a]
    assert len(midwife) == 1 and "now" in midwife[0]
    assert result.actions[0] == ACTIONS["urgent"][0]


def test_the_headline_stays_first_for_every_tier():
    assert triage(["chest-pain"], FLAGS).actions[0] == "Call the emergency number now."
    assert triage(["pregnant-bleeding", "chest-pain"], FLAGS).actions[0] == "Call the emergency number now."


def test_unknown_id_is_an_error_not_ignored():
    with pytest.raises(UnknownFlagError, match="no-such-flag"):
        triage(["fever", "no-such-flag"], FLAGS)


def test_ticking_twice_counts_once():
    assert len(triage(["fever", "fever"], FLAGS).reasons) == 1


def test_the_checklist_lists_every_flag_once_soon_and_history_included():
    sections = checklist_sections(FLAGS)
    listed = [f.id for _, flags in sections for f in flags]
    assert sorted(listed) == sorted(f.id for f in FLAGS) and len(set(listed)) == len(listed)
    keys = [key for key, _ in sections]
    assert keys == ["emergency", "urgent", "pregnancy", "soon", "history"]
    soon = dict(sections)["soon"]
    assert [f.id for f in soon] == ["sciatica-one-leg"]
    assert all(f.group == "Pregnancy" for f in dict(sections)["pregnancy"])


NOW = datetime(2026, 11, 21, 18, 0, tzinfo=UTC)


def test_call_script_asks_for_an_ambulance_then_where_then_the_details():
    began = datetime(2026, 11, 21, 10, 24, tzinfo=UTC)
    script = call_script(triage(["bladder-leaking", "fever"], FLAGS), began, NOW, "today")
    assert script.opening == '"I need an ambulance."'
    assert script.where.startswith("Tell them where you are")
    assert "address" in script.where and "landmark" in script.where
    assert script.details == ('"I have back pain. It began today at about 10:24. '
                              "Since my back pain began I'm leaking pee or have lost control of my bladder. "
                              "I have a high temperature or feel hot and shivery. "
                              'These signs began today."')
    assert str(script).startswith('"I need an ambulance."')


@pytest.mark.parametrize("began, words", [
    (datetime(2026, 11, 20, 22, 5, tzinfo=UTC), "It began yesterday at about 22:05."),
    (datetime(2026, 11, 14, 9, 0, tzinfo=UTC), "It began on 14 Nov at about 09:00."),
])
def test_call_script_gives_the_start_the_person_chose_as_an_about_time(began, words):
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


def test_in_an_emergency_the_ambulance_comes_before_the_midwife():
    actions = triage(["pregnant-bleeding", "chest-pain"], FLAGS).actions
    midwife = next(i for i, a in enumerate(actions) if "midwife" in a)
    assert actions.index("Ask for an ambulance and wait for it. Do not go to hospital by car.") < midwife
