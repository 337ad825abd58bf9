"""The words the rules put on screen (red flags, safety questions, actions, doctor nudges): no doses,
nothing copied from the source articles, and every action or caution at school grade 8 or below."""

from datetime import UTC, datetime, timedelta

import pytest

from app.content.guide import questions
from app.content.loader import library
from app.domain import advice, triage
from app.domain.episode import PainReading
from tests.content.wording import GRADE, SEEDS, copied, doses, grade, seed_runs, words

START = datetime(2026, 1, 1, tzinfo=UTC)


def _nudges():
    worse = [PainReading(at=START, score=2), PainReading(at=START + timedelta(days=2), score=8)]
    severe = [PainReading(at=START, score=8), PainReading(at=START + timedelta(hours=25), score=8)]
    yield from (advice.doctor_nudge(START, START + timedelta(days=d)) for d in (0, 4, 30))
    yield advice.doctor_nudge(START, START + timedelta(days=2), worse)
    yield advice.doctor_nudge(START, START + timedelta(days=2), severe)
    yield advice.doctor_nudge(START, START, daily_life_stopped=True)
    yield advice.doctor_nudge(START, START, episode_starts=[START, START - timedelta(days=9),
                                                             START - timedelta(days=40)])


def advice_lines() -> list[str]:
    """What the person is told to do: every action, each flag's own step and every nudge."""
    lines = [a for actions in triage.ACTIONS.values() for a in actions]
    lines += [a for actions in triage.ROUTE_ACTIONS.values() for a in actions]
    lines += [triage.KEEP_STILL, triage.WHERE, *(sentence for _, sentence in triage.SIGNS_BEGAN.values())]
    lines += [f.action for f in library().red_flags if f.action]
    for nudge in _nudges():
        lines += [nudge.title, nudge.text]
    return list(dict.fromkeys(lines))


def all_lines() -> list[str]:
    flags = library().red_flags
    return [*advice_lines(), *(f.label for f in flags), *(f.say for f in flags),
            *(q.ask for q in questions())]


def has_dose(text: str) -> bool:
    return bool(doses(text))


@pytest.fixture(scope="module", name="seed_runs")
def seed_runs_fixture():
    return seed_runs()


def test_the_dose_check_catches_doses_and_lets_timers_through():
    for dose in ("take 400 mg", "2 tablets a day", "three times a day", "10ml", "every 4 to 6 hours"):
        assert has_dose(dose), dose
    for fine in ("hold for 30 seconds", "30 minutes most days", "within a few days", "over 65"):
        assert not has_dose(fine), fine


@pytest.mark.parametrize("line", all_lines())
def test_no_dose_anywhere_in_the_rules(line):
    assert not has_dose(line)


def test_the_copy_check_finds_a_run_of_eight_seed_words(seed_runs):
    sentence = " ".join(words(next(p for p in sorted(SEEDS.iterdir())).read_text(encoding="utf-8"))[100:112])
    assert copied(sentence.upper(), seed_runs)


def test_nothing_in_the_rules_copies_eight_words_from_the_seeds(seed_runs):
    found = {line: run for line in all_lines() if (run := copied(line, seed_runs))}
    assert not found


def test_the_grade_check_tells_plain_from_dense_text():
    assert grade("Call for help now. Keep still.") <= GRADE
    assert grade(
        "Nonsteroidal anti-inflammatory medication contraindications encompass gastrointestinal "
        "ulceration, cardiovascular comorbidities and concomitant anticoagulation.") > GRADE


@pytest.mark.parametrize("line", advice_lines())
def test_every_action_and_nudge_reads_at_grade_8_or_below(line):
    assert grade(line) <= GRADE, line


def test_every_action_line_is_checked():
    lines = advice_lines()
    assert triage.KEEP_STILL in lines and triage.AMBULANCE_ONLY in lines and triage.GO_TO_AE in lines
    assert any("midwife" in line for line in lines) and len(lines) >= 25
