"""Every figure of the doctor's summary, from one fixed log, for 30 days, 90 days and everything."""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.episode import Episode, PainReading, StepRecord
from app.domain.records import PegEntry, SosCheck
from app.domain.report import human_duration, label, period_start, report

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def ep(days: float, hours: float | None, peak: int | None, triggers=(), steps=(), **extra) -> Episode:
    start = ago(days)
    return Episode(
        start=start, end=start + timedelta(hours=hours) if hours is not None else None,
        pain=[PainReading(at=start, score=peak)] if peak is not None else [], triggers=list(triggers),
        steps=[StepRecord(card=c, at=start + timedelta(minutes=10), pain_before=b, pain_after=a)
               for c, b, a in steps],
        **extra,
    )


EPISODES = [
    ep(100, 2, 7, ["lifting"]),
    ep(60, 1, 5, ["lifting", "stress"], helped_note="Ibuprofen from the pharmacy", helped=["heat-pad"]),
    ep(25, 3, 8, ["lifting"], [("heat-pad", 7, 4)], notes="Could not sleep", helped=["heat-pad"]),
    ep(20, 0.5, 6, ["stress"], [("heat-pad", 6, 4)], helped_note="ibuprofen  from the pharmacy "),
    ep(10, 5, 9, ["twisting", "lifting"], [("heat-pad", 8, 6), ("knee-to-chest", 6, 6)],
       helped=["heat-pad", "short-walk"]),
    ep(2, None, 4),
]
CHECKS = [
    SosCheck(at=ago(40), tier="emergency", flags=["saddle-numbness"]),
    SosCheck(at=ago(5), tier="urgent", flags=["fever", "pain-rest-night"]),
    SosCheck(at=ago(1), tier="self-care"),
]
PEGS = [
    PegEntry(at=ago(50), pain=6, enjoyment=6, activity=6),
    PegEntry(at=ago(21), pain=5, enjoyment=5, activity=5),
    PegEntry(at=ago(3), pain=4, enjoyment=3, activity=5),
]


def make(key):
    return report(key, NOW, EPISODES, CHECKS, PEGS, tz=UTC)


def test_counts_and_durations_cover_only_the_period():
    r = make("30")
    assert r.episodes == 4
    assert r.median_duration == timedelta(hours=3), "the open episode has no length yet"
    assert r.longest == timedelta(hours=5)
    assert make("90").episodes == 5 and make("all").episodes == 6
    assert make("all").longest == timedelta(hours=5)


def test_peak_pain_per_episode_oldest_first():
    assert make("30").peaks == ((ago(25), 8), (ago(20), 6), (ago(10), 9), (ago(2), 4))


def test_every_month_of_the_period_is_listed_even_empty_ones():
    assert make("30").per_month == (("2026-10", 1), ("2026-11", 3))
    assert make("all").per_month == (("2026-08", 1), ("2026-09", 1), ("2026-10", 1), ("2026-11", 3))
    quiet = report("90", NOW, [EPISODES[0], EPISODES[-1]], [], [], tz=UTC)
    assert quiet.per_month == (("2026-08", 0), ("2026-09", 0), ("2026-10", 0), ("2026-11", 1))


def test_the_open_episode_and_how_long_it_has_been_open():
    r = make("30")
    assert r.open_episode.start == ago(2) and r.open_episode.open_for == timedelta(days=2)
    closed = report("30", NOW, EPISODES[:-1], CHECKS, PEGS, tz=UTC)
    assert closed.open_episode is None


def test_every_sos_check_in_the_period_with_outcome_and_signs():
    r = make("30")
    assert [(c.at, c.outcome) for c in r.checks] == [(ago(1), "none"), (ago(5), "urgent")]
    assert r.checks[1].signs == (label("fever"), label("pain-rest-night"))
    assert "high temperature" in r.checks[1].signs[0]
    assert make("90").outcome_counts == {"emergency": 1, "urgent": 1, "none": 1}


def test_what_helped_ranks_steps_measured_in_three_episodes():
    steps = make("30").steps
    assert [(s.card, s.episodes, s.median_change) for s in steps.ranked] == [("heat-pad", 3, -2.0)]
    assert steps.waiting == (("knee-to-chest", 1),), "one episode is not enough to rank a step"
    fewer = report("30", NOW, EPISODES[3:], CHECKS, PEGS, tz=UTC).steps
    assert fewer.ranked == () and fewer.waiting[0] == ("heat-pad", 2)


def test_most_common_triggers_and_the_minimum_data_rule():
    r = make("30")
    assert [(t.trigger, t.episodes, t.share) for t in r.triggers] == [
        ("lifting", 2, 0.5), ("stress", 1, 0.25), ("twisting", 1, 0.25)]
    two = report("30", NOW, EPISODES[4:], CHECKS, PEGS, tz=UTC)
    assert two.triggers is None and two.needed_for_triggers == 1


def test_what_the_person_took_or_tried_in_their_own_words():
    assert make("30").tried == (("ibuprofen from the pharmacy", 1),)
    assert make("90").tried == (("ibuprofen from the pharmacy", 2),), "same words, another case, count once"
    assert make("30").helped == (("heat-pad", 2), ("short-walk", 1))


def test_notes_are_collected_newest_first():
    assert make("30").notes == ((ago(25), "Could not sleep"),)


def test_peg_trend_and_a_thirty_percent_change_called_out():
    r30, r90 = make("30"), make("90")
    assert [p.score for p in r30.peg.entries] == [5.0, 4.0]
    assert r30.peg.percent == -20 and r30.peg.called_out is None
    assert r90.peg.percent == -33 and r90.peg.called_out == "better"


def test_period_dates_and_file_name():
    r = make("30")
    assert r.start == ago(30) and r.end == NOW
    assert r.file_name == "spasm-sos-summary-2026-10-22-to-2026-11-21.html"
    assert make("all").start == ago(100)
    assert period_start("all", NOW, [], [], []) == NOW


def test_an_empty_log_reports_nothing_and_guesses_nothing():
    r = report("all", NOW, [], [], [], tz=UTC)
    assert r.episodes == 0 and r.median_duration is None and r.longest is None
    assert r.peaks == () and r.checks == () and r.triggers is None and r.steps.ranked == ()
    assert r.peg.entries == () and r.peg.called_out is None and r.open_episode is None


@pytest.mark.parametrize(("td", "said"), [
    (timedelta(minutes=45), "45 min"), (timedelta(hours=3, minutes=20), "3 h 20 min"),
    (timedelta(hours=5), "5 h"), (timedelta(days=2, hours=4), "2 days 4 h"), (timedelta(days=3), "3 days"),
])
def test_durations_in_the_units_a_person_says(td, said):
    assert human_duration(td) == said


def test_what_they_took_is_in_the_summary_in_their_words_with_its_effect():
    from app.domain.episode import Taken
    start = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    episodes = [Episode(start=start, taken=[Taken(at=start, what="Ibuprofen", effect="better"),
                                            Taken(at=start, what="heat pad")]),
                Episode(start=start + timedelta(days=1),
                        taken=[Taken(at=start, what="ibuprofen", effect="same")])]
    r = report("30", start + timedelta(days=2), episodes, [], [])
    assert ("ibuprofen (better 1, same 1)", 2) in r.tried  # the latest spelling, both answers
    assert ("heat pad", 1) in r.tried
