"""The guided episode's rules: safety answers, which relief step comes next, and the summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from app.content.guide import SafetyQuestion
from app.content.loader import library
from app.content.schema import Card, RedFlag
from app.domain.episode import Episode
from app.domain.phase import phase
from app.domain.triage import ACTIONS, TriageResult

Answer = Literal["yes", "no", "not-sure"]
Category = Literal["position", "temperature", "movement", "active"]
# Relief steps in the order the guide offers them: a supported position first, then ice or heat,
# gentle movement once the pain has eased, then staying active (NICE NG59: keep active).
STEPS: dict[Category, tuple[str, ...]] = {
    "position": ("rest-knees-bent", "rest-90-90"),
    "temperature": ("ice-pack", "heat-pad"),
    "movement": ("knee-to-chest", "pelvic-tilt", "childs-pose"),
    "active": ("short-walk", "settle"),
}


def answer_yes(question: SafetyQuestion) -> TriageResult:
    """A Yes is an emergency at once; the call script says the question's signs in the first person."""
    flags = {f.id: f for f in library().red_flags}
    sign = RedFlag.model_construct(
        id=question.id, label=question.ask, say=question.say, tier="emergency", group=question.id,
        section="signs", keep_still=any(flags[f].keep_still for f in question.flags),
        sources=question.sources)
    return TriageResult(tier="emergency", reasons=(sign,), actions=ACTIONS["emergency"])


def eased(episode: Episode) -> bool:
    """The latest pain score is below the first one of this episode."""
    if len(episode.pain) < 2:
        return False
    ordered = sorted(episode.pain, key=lambda r: r.at)
    return ordered[-1].score < ordered[0].score


def _temperature_order(episode: Episode, now: datetime) -> tuple[str, ...]:
    """The person's earlier choice first; otherwise the articles' timing for this episode's age."""
    kind = episode.temperature or phase(episode.start, now).kind
    return ("ice-pack", "heat-pad") if kind == "ice" else ("heat-pad", "ice-pack")


@dataclass(frozen=True)
class Step:
    category: Category
    card: Card
    alternatives: int  # how many cards this step can offer with "Another one"


def next_step(episode: Episode, now: datetime, feels_easier: bool = False, another: int = 0) -> Step | None:
    """The first kind of step not yet done or skipped; None when the guide has offered them all.

    Gentle movement waits until the pain has eased (a lower score, or the person says so).
    """
    cards = library().cards_by_id()
    covered = {c for c, ids in STEPS.items() for s in episode.steps if s.card in ids}
    for category, ids in STEPS.items():
        if category in covered:
            continue
        if category == "movement" and not (feels_easier or eased(episode)):
            continue
        if category == "temperature":
            ids = _temperature_order(episode, now)
        return Step(category, cards[ids[another % len(ids)]], len(ids))
    return None


@dataclass(frozen=True)
class Summary:
    pain_start: int | None
    pain_now: int | None
    done: tuple[str, ...]  # card titles of steps done, in order
    took: timedelta


def summary(episode: Episode, now: datetime) -> Summary:
    cards = library().cards_by_id()
    ordered = sorted(episode.pain, key=lambda r: r.at)
    return Summary(
        pain_start=ordered[0].score if ordered else None,
        pain_now=ordered[-1].score if ordered else None,
        done=tuple(cards[s.card].title for s in episode.steps if s.outcome == "done"),
        took=episode.duration(now),
    )
