"""The guided episode's rules: safety answers, which relief step comes next, and the summary."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from app.content.guide import SafetyQuestion, questions
from app.content.loader import library
from app.content.schema import Card, RedFlag
from app.domain.episode import Episode
from app.domain.phase import Temperature, TemperatureOption, temperature_options
from app.domain.triage import TriageResult, triage

Answer = Literal["yes", "no", "not-sure"]
Category = Literal["reassure", "position", "temperature", "movement", "active"]
# Relief steps in NICE NG59's order (1.1 advice and reassurance first; then self-management):
# why it will settle and what would be a reason to worry, a supported position, heat or ice
# (both offered, the person chooses), gentle movement once the pain has eased, then staying active.
STEPS: dict[Category, tuple[str, ...]] = {
    "reassure": ("settle",),
    "position": ("rest-knees-bent", "rest-90-90"),
    "temperature": ("heat-pad", "ice-pack"),
    "movement": ("knee-to-chest", "pelvic-tilt", "childs-pose"),
    "active": ("short-walk", "work"),
}
TEMPERATURE_CARDS: dict[Temperature, str] = {"heat": "heat-pad", "ice": "ice-pack"}


class NotAskedError(ValueError):
    """A sign picked after a Yes that the question does not ask about."""


def safety_progress(index: int) -> str:
    """'Safety check 2 of 3': the true number of questions, whatever the content holds."""
    return f"Safety check {index + 1} of {len(questions())}"


def answer_yes(question: SafetyQuestion, sign: str | None = None) -> TriageResult:
    """A Yes, then the one sign the person picked ("Which one?"), through triage().

    The route and actions are the sign's own, and the call script says that sign and nothing else.
    `sign` may be left out only when the question asks about a single sign.
    """
    if sign is None:
        if len(question.flags) != 1:
            raise NotAskedError(f"question '{question.id}' asks which one: pick one of {question.flags}")
        sign = question.flags[0]
    if sign not in question.flags:
        raise NotAskedError(f"question '{question.id}' does not ask about '{sign}'")
    return triage([sign], library().red_flags)


def answer_no_to_all() -> TriageResult:
    """No to every safety question: no sign ticked, so relief (the same result as an empty SOS check)."""
    return triage([], library().red_flags)


def urgent_check_flags() -> tuple[RedFlag, ...]:
    """What the guide's later check lists: the 'doctor today' and 'within days' signs, history last."""
    flags = library().red_flags
    signs = tuple(f for f in flags if f.tier in ("urgent", "soon") and f.section == "signs")
    return signs + tuple(f for f in flags if f.section == "history")


def answer_urgent(ticked: Iterable[str]) -> TriageResult:
    """The later check: the signs the person ticked, through triage(), so the log says which."""
    ticked = list(ticked)
    listed = {f.id for f in urgent_check_flags()}
    if stray := [t for t in ticked if t not in listed]:
        raise NotAskedError(f"the later check does not list {stray}")
    return triage(ticked, library().red_flags)


def _scores(episode: Episode) -> list[int]:
    return [r.score for r in sorted(episode.pain, key=lambda r: r.at)]


def eased(episode: Episode) -> bool:
    """The latest pain score the person gave is below their first one of this episode.

    Only scores given count: a skipped step carries no score, so it never makes pain look eased.
    """
    scores = _scores(episode)
    return len(scores) >= 2 and scores[-1] < scores[0]


@dataclass(frozen=True)
class Step:
    """What the guide shows next.

    card: the card to show, or None at the temperature step until the person picks heat or ice;
    alternatives: how many cards "Another one" cycles through (1: no such button);
    temperature: the temperature step only, heat and ice side by side, none chosen until the person chooses.
    """

    category: Category
    card: Card | None
    alternatives: int
    temperature: tuple[TemperatureOption, TemperatureOption] | None = None

    @property
    def skip_cards(self) -> tuple[str, ...]:
        """Card ids to record as skipped: the card shown, or both choices if none was picked."""
        if self.card is not None:
            return (self.card.id,)
        return tuple(TEMPERATURE_CARDS[o.kind] for o in self.temperature or ())


def next_step(episode: Episode, now: datetime, feels_easier: bool = False, another: int = 0) -> Step | None:
    """The first kind of step not yet done or skipped; None when the guide has offered them all.

    Gentle movement waits until the pain has eased (a lower score given, or the person says so).
    Heat or ice: both offered side by side, the person's choice (episode.temperature) remembered.
    """
    cards = library().cards_by_id()
    covered = {c for c, ids in STEPS.items() for s in episode.steps if s.card in ids}
    for category, ids in STEPS.items():
        if category in covered:
            continue
        if category == "movement" and not (feels_easier or eased(episode)):
            continue
        if category == "temperature":
            options = temperature_options(episode.start, now, episode.temperature)
            chosen = cards[TEMPERATURE_CARDS[episode.temperature]] if episode.temperature else None
            return Step(category, chosen, 1, options)
        return Step(category, cards[ids[another % len(ids)]], len(ids))
    return None


EASED = 3  # pain at or below this may end the episode by default; above it, the episode stays open


@dataclass(frozen=True)
class Summary:
    pain_start: int | None
    pain_now: int | None
    done: tuple[str, ...]  # card titles of relief steps done, in order (the reassurance screen is not one)
    took: timedelta

    @property
    def still_sore(self) -> bool:
        """Pain last given is above EASED: the guide offers to keep the episode open first."""
        return self.pain_now is not None and self.pain_now > EASED


def summary(episode: Episode, now: datetime) -> Summary:
    cards = library().cards_by_id()
    scores = _scores(episode)
    reassure = set(STEPS["reassure"])
    return Summary(
        pain_start=scores[0] if scores else None,
        pain_now=scores[-1] if scores else None,
        done=tuple(cards[s.card].title for s in episode.steps
                   if s.outcome == "done" and s.card not in reassure),
        took=episode.duration(now),
    )
