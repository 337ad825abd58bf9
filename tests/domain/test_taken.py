"""What I took: the person's own words, offered back as chips; 'Did it help?' once pain is scored again."""

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from app.domain.episode import Episode, PainReading, Taken
from app.domain.taken import ask_if_it_helped, earlier_words

T0 = datetime(2026, 12, 3, 14, 5, tzinfo=UTC)


def test_what_is_kept_in_the_persons_words_and_must_say_something():
    assert Taken(at=T0, what="  ibuprofen   gel ").what == "ibuprofen gel"
    with pytest.raises(ValidationError):
        Taken(at=T0, what="   ")
    with pytest.raises(ValidationError):
        Taken(at=T0, what="x", effect="cured")


def test_earlier_words_are_offered_once_most_recent_first():
    a = Episode(start=T0, taken=[Taken(at=T0, what="Ibuprofen"),
                                 Taken(at=T0 + timedelta(hours=1), what="heat pad")])
    b = Episode(start=T0 + timedelta(days=1), taken=[Taken(at=T0 + timedelta(days=1), what="ibuprofen")])
    assert earlier_words([a, b]) == ["ibuprofen", "heat pad"]


def test_did_it_help_is_asked_at_the_next_pain_check_only():
    episode = Episode(start=T0, taken=[Taken(at=T0 + timedelta(minutes=5), what="ibuprofen")],
                      pain=[PainReading(at=T0, score=7)])
    assert ask_if_it_helped(episode) is None, "no pain score since it was taken"
    again = PainReading(at=T0 + timedelta(hours=1), score=5)
    later = episode.model_copy(update={"pain": [*episode.pain, again]})
    assert ask_if_it_helped(later) == 0
    answered = later.model_copy(update={"taken": [later.taken[0].model_copy(update={"effect": "better"})]})
    assert ask_if_it_helped(answered) is None
