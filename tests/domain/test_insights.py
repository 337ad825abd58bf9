"""Insights summarise the log and hold back 'top' claims below three episodes."""

from datetime import UTC, datetime, timedelta, timezone

from app.domain.episode import Episode, PainReading, StepRecord
from app.domain.insights import insights, step_effects, time_of_day, trigger_ranking, weekdays

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def ep(days_ago: int, hours: float | None, peak: int | None, triggers=(), helped=()):
    start = NOW - timedelta(days=days_ago)
    return Episode(
        start=start, end=start + timedelta(hours=hours) if hours is not None else None,
        pain=[PainReading(at=start, score=peak)] if peak is not None else [],
        triggers=list(triggers), helped=list(helped),
    )


def test_empty_log():
    s = insights([], NOW)
    assert s.episodes == 0 and s.median_duration is None and s.average_peak is None
    assert not s.enough_for_top and s.needed_for_top == 3


def test_two_episodes_make_no_top_claims():
    s = insights([ep(1, 2, 6, ["lifting"], ["ice-pack"]), ep(3, 4, 8, ["lifting"])], NOW)
    assert s.top_triggers == () and s.top_helped == () and s.needed_for_top == 1
    assert s.median_duration == timedelta(hours=3)
    assert s.average_peak == 7.0


def test_three_episodes_rank_triggers_and_help():
    log = [
        ep(1, 1, 5, ["lifting", "stress"], ["heat-pad"]),
        ep(2, 3, 9, ["lifting"], ["heat-pad", "short-walk"]),
        ep(40, None, None, ["stress", "lifting"], ["short-walk", "heat-pad"]),
    ]
    s = insights(log, NOW)
    assert s.top_triggers[0] == ("lifting", 3)
    assert s.top_helped[0] == ("heat-pad", 3)
    assert s.median_duration == timedelta(hours=2), "open episodes are left out of durations"
    assert sum(s.per_month.values()) == 3 and len(s.per_month) == 2


def at(day: int, hour: int, triggers=(), steps=()) -> Episode:
    """An episode on November `day` 2026 (the 2nd is a Monday) starting at `hour` UTC."""
    start = datetime(2026, 11, day, hour, tzinfo=UTC)
    return Episode(start=start, end=start + timedelta(hours=1), triggers=list(triggers),
                   steps=[StepRecord(card=c, at=start, pain_before=b, pain_after=a) for c, b, a in steps])


def test_time_of_day_pattern_names_the_band_most_spasms_start_in():
    log = [at(2, 7), at(3, 8), at(4, 11), at(5, 15), at(6, 22)]
    p = time_of_day(log, UTC)
    assert p.counts == (("night", 0), ("morning", 3), ("afternoon", 1), ("evening", 1))
    assert p.leader == "morning"


def test_time_of_day_uses_the_local_clock():
    p = time_of_day([at(2, 23)], timezone(timedelta(hours=2)))
    assert dict(p.counts)["night"] == 1, "23:00 UTC is 01:00 two hours east"


def test_patterns_say_not_enough_data_below_five_episodes():
    p = time_of_day([at(2, 7), at(3, 8), at(4, 9), at(5, 10)], UTC)
    assert not p.enough and p.needed == 1 and p.leader is None


def test_a_tie_or_a_single_start_names_no_leader():
    assert weekdays([at(2, 7), at(2, 8), at(3, 9), at(3, 10), at(4, 9)], UTC).leader is None
    assert weekdays([at(d, 9) for d in range(2, 7)], UTC).leader is None, "one start a day leads nothing"


def test_weekday_pattern():
    p = weekdays([at(2, 7), at(9, 7), at(16, 9), at(3, 9), at(7, 9)], UTC)
    assert dict(p.counts) == {"Monday": 3, "Tuesday": 1, "Wednesday": 0, "Thursday": 0, "Friday": 0,
                              "Saturday": 1, "Sunday": 0}
    assert p.leader == "Monday"


def test_triggers_ranked_by_how_many_episodes_they_preceded():
    log = [at(2, 7, ["lifting", "stress"]), at(3, 7, ["lifting"]), at(4, 7, ["unknown"]),
           at(5, 7, ["stress"]), at(6, 7, ["lifting"])]
    ranked = trigger_ranking(log)
    assert [(r.trigger, r.episodes, r.share) for r in ranked] == [("lifting", 3, 0.6), ("stress", 2, 0.4)]
    assert trigger_ranking(log[:2]) is None, "two episodes rank nothing"


def test_steps_ranked_by_median_pain_change_once_measured_in_three_episodes():
    log = [
        at(2, 7, steps=[("heat-pad", 7, 5), ("rest-knees-bent", 7, 7)]),
        at(3, 7, steps=[("heat-pad", 8, 4), ("rest-knees-bent", 6, 5)]),
        at(4, 7, steps=[("heat-pad", 6, 6), ("rest-knees-bent", 6, 5), ("ice-pack", 6, 2)]),
        at(5, 7, steps=[("heat-pad", 8, 7), ("heat-pad", 7, 3)]),  # one episode, two uses: counted once
    ]
    s = step_effects(log)
    assert [(e.card, e.episodes, e.median_change) for e in s.ranked] == [
        ("heat-pad", 4, -2.2), ("rest-knees-bent", 3, -1.0)]
    assert s.waiting == (("ice-pack", 1),)


def test_skipped_steps_and_steps_without_both_scores_are_not_measured():
    def measured_badly(day: int) -> Episode:
        t = datetime(2026, 11, day, 9, tzinfo=UTC)
        return Episode(start=t, steps=[
            StepRecord(card="heat-pad", at=t, outcome="skipped", pain_before=8, pain_after=2),
            StepRecord(card="ice-pack", at=t, pain_before=8)])

    log = [measured_badly(d) for d in (2, 3, 4)]
    assert step_effects(log).ranked == () and step_effects(log).waiting == ()
