"""Triage: every flag lands in its tier, emergency wins, unknown ids are an error."""

from datetime import datetime

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
    assert any("111" in a for a in result.actions)


def test_unknown_id_is_an_error_not_ignored():
    with pytest.raises(UnknownFlagError, match="no-such-flag"):
        triage(["fever", "no-such-flag"], FLAGS)


def test_ticking_twice_counts_once():
    assert len(triage(["fever", "fever"], FLAGS).reasons) == 1


def test_call_script_reads_every_sign_in_the_callers_own_words():
    script = call_script(triage(["bladder-leaking", "fever"], FLAGS), datetime(2026, 11, 21, 10, 24))
    assert script == ('"I have back pain. I\'m leaking pee or have lost control of my bladder. '
                      'I have a high temperature or feel hot and shivery. '
                      'It started at 10:24 on 21 Nov. I need help."')
    for flag in FLAGS:
        assert "your" not in call_script(triage([flag.id], FLAGS), None).lower(), flag.id
