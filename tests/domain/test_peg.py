"""The weekly PEG check: at most once a week, never during the guide, trend with 30% changes named."""

from datetime import UTC, datetime, timedelta

from app.domain.episode import Episode, StepRecord
from app.domain.peg import QUESTIONS, SOURCE, due, in_guide, next_due, trend
from app.domain.records import PegEntry

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)

MONTH_AGO = NOW - timedelta(days=30)


def peg(days: float, pain: int, enjoyment: int | None = None, activity: int | None = None) -> PegEntry:
    """One answer `days` before NOW; the other two answers default to the pain answer."""
    return PegEntry(at=NOW - timedelta(days=days), pain=pain,
                    enjoyment=pain if enjoyment is None else enjoyment,
                    activity=pain if activity is None else activity)


def test_offered_when_never_answered():
    assert due([], NOW, guiding=False, first_episode=MONTH_AGO) and next_due([]) is None


def test_offered_at_most_once_a_week():
    assert not due([peg(6.9, 5)], NOW, guiding=False, first_episode=MONTH_AGO)
    assert due([peg(7, 5)], NOW, guiding=False, first_episode=MONTH_AGO)
    assert next_due([peg(10, 5), peg(2, 4)]) == NOW + timedelta(days=5), "the latest answer counts"


def test_never_offered_during_the_guided_flow():
    assert not due([], NOW, guiding=True, first_episode=MONTH_AGO)


def test_in_the_guide_means_an_open_episode_with_a_step_in_the_last_hour():
    step = StepRecord(card="heat-pad", at=NOW - timedelta(minutes=50))
    guided = Episode(start=NOW - timedelta(hours=2), steps=[step])
    assert in_guide(guided, NOW)
    assert not in_guide(guided, NOW + timedelta(minutes=11)), "an hour after the last step it is over"
    assert not in_guide(guided.model_copy(update={"end": NOW}), NOW)
    assert not in_guide(Episode(start=NOW - timedelta(hours=2)), NOW) and not in_guide(None, NOW)


def test_trend_in_the_period_and_the_change_from_first_to_latest():
    t = trend([peg(40, 9), peg(20, 6), peg(10, 5, 4, 6), peg(1, 4)], NOW - timedelta(days=30), NOW)
    assert [p.score for p in t.entries] == [6.0, 5.0, 4.0]
    assert t.first == 6.0 and t.latest == 4.0 and t.percent == -33 and t.called_out == "better"


def test_thirty_percent_exactly_is_called_out_and_less_is_not():
    assert trend([peg(20, 5), peg(1, 6, 6, 7)], None, NOW).called_out is None, "5 -> 6.33 is 27%"
    assert trend([peg(20, 10), peg(1, 7)], None, NOW).called_out == "better"
    assert trend([peg(20, 10), peg(1, 8)], None, NOW).called_out is None
    assert trend([peg(20, 3), peg(1, 4, 4, 4)], None, NOW).called_out == "worse"


def test_no_change_claimed_from_one_answer_or_from_a_zero_start():
    assert trend([peg(1, 4)], None, NOW).change is None
    assert trend([peg(5, 0), peg(1, 4)], None, NOW).called_out is None


def test_the_three_questions_and_the_source_are_the_scales_own():
    assert [q[0] for q in QUESTIONS] == ["pain", "enjoyment", "activity"]
    assert "Krebs" in SOURCE and "J Gen Intern Med 2009" in SOURCE


def test_not_for_a_brand_new_user_nor_while_an_episode_is_open():
    assert not due([], NOW, guiding=False), "no episode logged yet"
    assert not due([], NOW, guiding=False, first_episode=NOW - timedelta(days=3)), "a week has not passed"
    assert not due([], NOW, guiding=False, first_episode=MONTH_AGO, episode_open=True)
    assert due([], NOW, guiding=False, first_episode=MONTH_AGO)
