"""SOS check outcomes, PEG answers and guided steps reject what cannot be real."""

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from app.domain.episode import Episode, StepRecord
from app.domain.records import PegEntry, SosCheck

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def test_peg_score_is_the_mean_of_its_three_answers():
    assert PegEntry(at=T0, pain=6, enjoyment=5, activity=7).score == 6.0
    assert PegEntry(at=T0, pain=1, enjoyment=2, activity=2).score == 1.67


@pytest.mark.parametrize("field", ["pain", "enjoyment", "activity"])
def test_peg_answers_lie_between_0_and_10(field):
    with pytest.raises(ValidationError, match=field):
        PegEntry(at=T0, **{"pain": 1, "enjoyment": 1, "activity": 1, field: 11})


def test_an_sos_check_names_only_known_signs_and_a_known_outcome():
    assert SosCheck(at=T0, tier="emergency", flags=["bladder-leaking"]).flags == ["bladder-leaking"]
    with pytest.raises(ValidationError, match="unknown red flag: aliens"):
        SosCheck(at=T0, tier="urgent", flags=["aliens"])
    with pytest.raises(ValidationError):
        SosCheck(at=T0, tier="maybe")


def test_a_guided_step_names_a_real_card_and_pain_0_to_10():
    e = Episode(start=T0, steps=[StepRecord(card="ice-pack", at=T0, pain_before=8, pain_after=6)])
    assert e.steps[0].pain_after == 6
    with pytest.raises(ValidationError, match="unknown card: nap"):
        StepRecord(card="nap", at=T0)
    with pytest.raises(ValidationError):
        StepRecord(card="ice-pack", at=T0, pain_after=12)


def test_a_check_is_told_in_plain_words_with_its_signs_in_the_apps_words():
    from app.domain.records import OUTCOME_WORDS, outcome_words, signs
    check = SosCheck(at=T0, tier="emergency", flags=["chest-pain", "fever"])
    assert outcome_words(check) == "Call for help now"
    assert set(OUTCOME_WORDS) == {"emergency", "urgent", "soon", "self-care"}
    assert signs(check)[1] == "A high temperature, or you feel hot and shivery"
    assert signs(SosCheck(at=T0, tier="self-care")) == []
