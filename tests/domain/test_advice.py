"""When to see a pharmacist or doctor: rising or severe pain first, daily life, recurrences, then time."""

from datetime import UTC, datetime, timedelta

import pytest

from app.content.loader import library
from app.domain.advice import doctor_nudge, getting_worse, severe_and_unrelieved, stops_daily_activities
from app.domain.episode import PainReading, StepRecord
from app.domain.records import PegEntry

START = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def at(hours: float, score: int) -> PainReading:
    return PainReading(at=START + timedelta(hours=hours), score=score)


@pytest.mark.parametrize("age, level", [
    (timedelta(hours=1), "settling"),
    (timedelta(days=2, hours=23), "settling"),
    (timedelta(days=3), "pharmacist"),
    (timedelta(days=7), "pharmacist"),
    (timedelta(days=20), "pharmacist"),
    (timedelta(weeks=3), "gp"),
    (timedelta(weeks=8), "gp"),
])
def test_the_nudge_follows_how_long_the_episode_has_lasted(age, level):
    assert doctor_nudge(START, START + age).level == level


def test_every_nudge_says_to_see_a_doctor_now_if_worse_or_not_coping():
    for days in (0, 4, 30):
        text = doctor_nudge(START, START + timedelta(days=days)).text
        assert "getting worse" in text and "struggling to cope" in text


def test_pharmacist_after_a_few_days_and_gp_after_weeks_are_named():
    assert "pharmacist" in doctor_nudge(START, START + timedelta(days=4)).text
    nudge = doctor_nudge(START, START + timedelta(weeks=5))
    assert "5 weeks" in nudge.title and "GP" in nudge.title


def test_rising_pain_means_a_doctor_today_even_early_on():
    readings = [at(0, 4), at(26, 7)]
    nudge = doctor_nudge(START, START + timedelta(hours=27), readings)
    assert nudge.level == "gp-now" and "today" in nudge.title


@pytest.mark.parametrize("readings, worse", [
    ([], False),
    ([at(0, 3)], False),
    ([at(0, 3), at(2, 9)], False),   # within the first day a spasm still builds
    ([at(0, 3), at(24, 5)], True),
    ([at(0, 3), at(24, 4)], False),  # one point is noise
    ([at(0, 8), at(10, 3), at(40, 6)], True),  # compared with the last score a day earlier (3)
    ([at(0, 8), at(30, 6)], False),  # easing
])
def test_getting_worse_compares_with_a_day_earlier(readings, worse):
    assert getting_worse(readings) is worse


def test_a_future_start_counts_as_now():
    assert doctor_nudge(START, START - timedelta(days=5)).level == "settling"


# --- doctor nudges for what the length of an episode cannot tell ------------------------------

def step(outcome: str = "done") -> StepRecord:
    return StepRecord(card="heat-pad", at=START, outcome=outcome)


def test_severe_pain_that_two_relief_steps_did_not_ease_means_a_doctor_today():
    readings = [at(0, 8), at(1, 9), at(2, 8)]
    nudge = doctor_nudge(START, START + timedelta(hours=2), readings, steps=[step(), step()])
    assert (nudge.level, nudge.reason) == ("gp-now", "severe") and "today" in nudge.title
    assert "nothing eases" in nudge.title.lower()


@pytest.mark.parametrize("readings, steps, severe", [
    ([at(0, 8), at(1, 8)], ["done"], False),               # one step tried: too early to say
    ([at(0, 9)], ["done", "done"], False),                  # no score since: eased or not, unknown
    ([at(0, 8), at(1, 8)], ["skipped", "skipped"], False),  # skipping is not trying
    ([at(0, 8), at(1, 5), at(2, 8)], ["done", "done"], False),  # something eased it once
    ([at(0, 6), at(1, 6)], ["done", "done"], False),        # moderate, not severe
    ([at(0, 8), at(25, 8)], [], True),                      # a whole day at 8 with nothing easing it
    ([at(0, 7), at(1, 10)], ["done", "done"], True),
])
def test_severe_and_unrelieved_needs_every_score_severe_and_something_tried(readings, steps, severe):
    assert severe_and_unrelieved(readings, [step(o) for o in steps]) is severe


def test_pain_that_stops_daily_activities_means_a_gp_appointment():
    nudge = doctor_nudge(START, START + timedelta(hours=5), daily_life_stopped=True)
    assert (nudge.level, nudge.reason) == ("gp", "daily-life") and "daily" in nudge.title


@pytest.mark.parametrize("activity, days_ago, stopped", [(8, 2, True), (7, 6, True), (6, 1, False),
                                                          (9, 10, False)])
def test_the_weekly_peg_check_tells_whether_pain_stops_daily_activities(activity, days_ago, stopped):
    now = START + timedelta(days=20)
    entry = PegEntry(pain=5, enjoyment=5, activity=activity, at=now - timedelta(days=days_ago))
    assert stops_daily_activities([entry], now) is stopped


def test_a_third_episode_within_a_few_months_means_a_gp_appointment():
    now = START + timedelta(hours=3)
    starts = [START - timedelta(days=70), START - timedelta(days=30), START]
    nudge = doctor_nudge(START, now, episode_starts=starts)
    assert (nudge.level, nudge.reason) == ("gp", "recurring") and "third" in nudge.title.lower()
    assert doctor_nudge(START, now, episode_starts=starts[1:]).level == "settling"
    spread = [START - timedelta(days=200), START - timedelta(days=100), START]
    assert doctor_nudge(START, now, episode_starts=spread).level == "settling"


def test_rising_pain_comes_before_every_other_nudge():
    readings = [at(0, 7), at(26, 9)]
    nudge = doctor_nudge(START, START + timedelta(hours=27), readings, steps=[step(), step()],
                         daily_life_stopped=True, episode_starts=[START] * 3)
    assert nudge.reason == "worse"


def test_every_nudge_names_sources_the_library_knows():
    known = {s.id for s in library().sources}
    nudges = [doctor_nudge(START, START + timedelta(days=d)) for d in (0, 4, 30)]
    nudges += [doctor_nudge(START, START, [at(0, 8), at(25, 8)]),
               doctor_nudge(START, START, daily_life_stopped=True),
               doctor_nudge(START, START, episode_starts=[START, START - timedelta(days=9),
                                                           START - timedelta(days=40)])]
    assert len({n.reason for n in nudges}) == 6
    for n in nudges:
        assert n.sources and set(n.sources) <= known, n.reason
