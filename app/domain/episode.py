"""The episode model: one spasm, from start to (optional) end, with pain, triggers and relief."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from app.content.loader import library

NOTE_MAX = 1000
FREE_TEXT_MAX = 200
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)  # clocks of two devices may disagree by hours, never by days


def check_time(value: datetime | None) -> datetime | None:
    """Times lie between 1970 and one day after now: nothing else can be a real episode."""
    if value is not None and not EARLIEST <= value <= datetime.now(UTC) + FUTURE_SLACK:
        raise ValueError("the time must lie between 1970 and tomorrow")
    return value


def utc_now() -> datetime:
    return datetime.now(UTC)


class PainReading(BaseModel):
    model_config = ConfigDict(extra="forbid")

    at: AwareDatetime
    score: int = Field(ge=0, le=10, description="pain from 0 (none) to 10 (worst)")

    _at_in_range = field_validator("at")(check_time)


@cache
def _trigger_ids() -> frozenset[str]:
    return frozenset(t.id for t in library().triggers)


@cache
def _card_ids() -> frozenset[str]:
    return frozenset(library().cards_by_id())


class StepRecord(BaseModel):
    """One relief step of a guided episode: which card, when, whether it was done, and pain around it."""

    model_config = ConfigDict(extra="forbid")

    card: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)
    at: AwareDatetime
    outcome: Literal["done", "skipped"] = "done"
    pain_before: int | None = Field(default=None, ge=0, le=10)
    pain_after: int | None = Field(default=None, ge=0, le=10)

    _at_in_range = field_validator("at")(check_time)

    @field_validator("card")
    @classmethod
    def _known_card(cls, v: str) -> str:
        if v not in _card_ids():
            raise ValueError(f"unknown card: {v}")
        return v


def _known(kind: str, values: list[str], allowed: Callable[[], frozenset[str]]) -> list[str]:
    if not values:
        return values
    known = allowed()
    unknown = [v for v in values if v not in known]
    if unknown:
        raise ValueError(f"unknown {kind}: {', '.join(unknown)}")
    return list(dict.fromkeys(values))


class Episode(BaseModel):
    """A spasm episode. Open-ended episodes (no end yet) are normal."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = Field(default_factory=lambda: uuid.uuid4().hex, pattern=r"^[A-Za-z0-9_-]{1,64}$")
    start: AwareDatetime
    end: AwareDatetime | None = None
    pain: list[PainReading] = Field(default_factory=list, max_length=500)
    triggers: list[str] = Field(default_factory=list, max_length=30)
    trigger_note: str = Field(default="", max_length=FREE_TEXT_MAX)
    helped: list[str] = Field(default_factory=list, max_length=60)
    helped_note: str = Field(default="", max_length=FREE_TEXT_MAX)
    notes: str = Field(default="", max_length=NOTE_MAX)
    temperature: Literal["ice", "heat"] | None = None
    steps: list[StepRecord] = Field(default_factory=list, max_length=100)
    updated_at: AwareDatetime = Field(default_factory=utc_now)

    _times_in_range = field_validator("start", "end", "updated_at")(check_time)

    @field_validator("triggers")
    @classmethod
    def _known_triggers(cls, v: list[str]) -> list[str]:
        return _known("trigger", v, _trigger_ids)

    @field_validator("helped")
    @classmethod
    def _known_cards(cls, v: list[str]) -> list[str]:
        return _known("card", v, _card_ids)

    @model_validator(mode="after")
    def _end_after_start(self) -> Episode:
        if self.end is not None and self.end < self.start:
            raise ValueError("the end is before the start")
        return self

    @property
    def is_open(self) -> bool:
        return self.end is None

    @property
    def peak_pain(self) -> int | None:
        return max((r.score for r in self.pain), default=None)

    def duration(self, now: datetime) -> timedelta:
        return (self.end or now) - self.start
