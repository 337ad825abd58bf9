"""Pydantic schema for the guidance content files."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Id = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)
Tier = Literal["emergency", "urgent", "soon"]  # call now; a doctor today; a GP or pharmacist within days
Route = Literal["ambulance", "ambulance_or_ae"]  # how an emergency flag gets to hospital
Section = Literal["signs", "history"]
SECOND_PERSON = re.compile(r"\byou(?:r|rs|rself|'re|'ve)?\b", re.I)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Timer(_Strict):
    """A countdown a card offers: ice/heat sessions, stretch holds or a breathing pacer."""

    kind: Literal["ice", "heat", "hold", "breath"]
    minutes: int = Field(default=0, ge=0, le=30)
    seconds: int = Field(default=0, ge=0, le=59)
    repeats: int = Field(default=1, ge=1, le=10)
    choices: tuple[int, ...] = ()
    inhale: int = Field(default=0, ge=0, le=10)
    exhale: int = Field(default=0, ge=0, le=10)

    @property
    def total_seconds(self) -> int:
        return self.minutes * 60 + self.seconds

    @model_validator(mode="after")
    def _sane(self) -> Timer:
        if self.total_seconds <= 0:
            raise ValueError("a timer needs minutes or seconds")
        if self.kind == "breath" and not (self.inhale and self.exhale):
            raise ValueError("a breathing pacer needs inhale and exhale seconds")
        if self.choices and self.minutes not in self.choices:
            raise ValueError("the default minutes must be one of the choices")
        return self


class Card(_Strict):
    """One page of a deck."""

    id: str = Id
    title: str = Field(min_length=3, max_length=60)
    steps: tuple[str, ...] = Field(min_length=1, max_length=5)
    timer: Timer | None = None
    caution: str | None = Field(default=None, max_length=280)
    evidence: str | None = Field(default=None, max_length=400)
    illustration: str = Id
    sources: tuple[str, ...] = Field(min_length=1)
    log_choice: bool = Field(default=True, description="under 'What helped?': a thing one does or uses")

    @field_validator("steps")
    @classmethod
    def _short_steps(cls, steps: tuple[str, ...]) -> tuple[str, ...]:
        for n, step in enumerate(steps, 1):
            if not 3 <= len(step) <= 160:
                raise ValueError(f"step {n} must be 3-160 characters, got {len(step)}")
        return steps


class Deck(_Strict):
    id: Literal["relief", "sleep", "prevention"]
    title: str
    cards: tuple[Card, ...] = Field(min_length=1)


class RedFlag(_Strict):
    """A sign the person can tick: its tier says what to do, its route how to get to hospital."""

    id: str = Id
    label: str = Field(min_length=5, max_length=100)
    say: str = Field(min_length=5, max_length=110, description="the sign in the caller's own words")
    tier: Tier
    group: str = Field(min_length=3, max_length=40)
    section: Section = Field(default="signs", description="signs: now or since this began; "
                             "history: facts about the person, listed under their own heading")
    route: Route | None = Field(default=None, description="emergency only: ambulance, or ambulance or A&E")
    keep_still: bool = Field(default=False, description="the screen says keep still, not get driven in")
    action: str | None = Field(default=None, min_length=10, max_length=160,
                               description="one more thing this sign needs, said after the tier's actions")
    sources: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _ambulance_unless_said(cls, data):
        """An emergency flag without a route gets the one that never puts the person in a car."""
        if isinstance(data, dict) and data.get("tier") == "emergency" and data.get("route") is None:
            data = {**data, "route": "ambulance"}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> RedFlag:
        if self.section == "history" and self.tier != "urgent":
            raise ValueError("history items are told to see a doctor today: tier must be urgent")
        if self.tier != "emergency" and self.route is not None:
            raise ValueError("only an emergency flag has a route to hospital")
        if self.keep_still and self.route != "ambulance":
            raise ValueError("keep still means waiting for an ambulance: route must be ambulance")
        return self

    @field_validator("say")
    @classmethod
    def _first_person(cls, say: str) -> str:
        if SECOND_PERSON.search(say):
            raise ValueError("say is read aloud by the caller: use I/my, not you/your")
        return say


class Source(_Strict):
    id: str = Id
    title: str
    kind: Literal["seed", "guideline"]
    ref: str = Field(description="seed file name, or where the guideline is published")


class Choice(_Strict):
    id: str = Id
    label: str = Field(min_length=2, max_length=30)


class Library(_Strict):
    """Everything the app shows, cross-checked: every source and id reference resolves."""

    decks: tuple[Deck, ...]
    red_flags: tuple[RedFlag, ...]
    sources: tuple[Source, ...]
    triggers: tuple[Choice, ...]

    def deck(self, deck_id: str) -> Deck:
        return next(d for d in self.decks if d.id == deck_id)

    def card(self, card_id: str) -> Card:
        return self.cards_by_id()[card_id]

    def cards_by_id(self) -> dict[str, Card]:
        return {c.id: c for d in self.decks for c in d.cards}

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)
