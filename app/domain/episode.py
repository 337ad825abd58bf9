"""The episode model: one spasm, from start to (optional) end, with pain, triggers and relief."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Annotated, Literal

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
# Fixed bounds, never the device clock: a phone whose clock says 2000 must not turn saved entries
# into unreadable ones. Outside them a time cannot be a real entry (and far-off years overflow sums).
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
CLOCK_FLOOR = datetime(2025, 1, 1, tzinfo=UTC)  # before this app existed: a clock saying so is wrong
CLOCK_SLACK = timedelta(days=1)  # clocks of two devices may disagree by hours, never by days
STALE_AFTER = timedelta(hours=12)  # an episode open this long may be one the person forgot to end


# Every saved time: aware, from 1970 up to 2100, whatever the device clock says (checked in pydantic's
# core, not by a Python call per field: that was a fifth of opening a 50,000-episode log).
Moment = Annotated[AwareDatetime, Field(ge=EARLIEST, lt=LATEST)]


def clock_warning(now: datetime, newest_saved: datetime | None) -> str | None:
    """A sentence for the person when the device clock looks wrong, else None.

    Wrong means: before this app existed, or more than a day behind the newest time already saved
    (a clock reset to 2000 after entries were made in 2026).
    """
    behind = newest_saved is not None and newest_saved > now + CLOCK_SLACK
    if now >= CLOCK_FLOOR and not behind:
        return None
    saved = f", but entries were saved as late as {newest_saved:%d %b %Y}" if behind else ""
    return (f"Your phone's clock says {now:%d %b %Y}{saved}. Check the date and time in your phone's "
            "settings: new entries get the time the clock gives. Every saved entry is kept.")


class EndsBeforeStart(ValueError):
    """Ending an episode at a time before its start; str() is a sentence a person can read."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class PainReading(BaseModel):
    model_config = ConfigDict(extra="forbid")

    at: Moment
    score: int = Field(ge=0, le=10, description="pain from 0 (none) to 10 (worst)")


Effect = Literal["better", "same", "worse"]


class Taken(BaseModel):
    """Something the person took or used, in their own words, when; later, whether it helped.

    The app never suggests what or how much: `what` is only ever the person's own words.
    """

    model_config = ConfigDict(extra="forbid")

    at: Moment
    what: str = Field(min_length=1, max_length=80)
    effect: Effect | None = None

    @field_validator("what")
    @classmethod
    def _tidy(cls, v: str) -> str:
        v = " ".join(v.split())
        if not v:
            raise ValueError("say what was taken")
        return v


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
    at: Moment
    outcome: Literal["done", "skipped"] = "done"
    pain_before: int | None = Field(default=None, ge=0, le=10)
    pain_after: int | None = Field(default=None, ge=0, le=10)

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
    start: Moment
    end: Moment | None = None
    pain: list[PainReading] = Field(default_factory=list, max_length=500)
    triggers: list[str] = Field(default_factory=list, max_length=30)
    trigger_note: str = Field(default="", max_length=FREE_TEXT_MAX)
    helped: list[str] = Field(default_factory=list, max_length=60)
    helped_note: str = Field(default="", max_length=FREE_TEXT_MAX)
    notes: str = Field(default="", max_length=NOTE_MAX)
    temperature: Literal["ice", "heat"] | None = None
    steps: list[StepRecord] = Field(default_factory=list, max_length=100)
    taken: list[Taken] = Field(default_factory=list, max_length=100)
    updated_at: Moment = Field(default_factory=utc_now)

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

    def starts_after(self, now: datetime) -> bool:
        """The episode is dated later than `now` (a wrong clock, or a row from another device)."""
        return self.start > now

    def duration(self, now: datetime) -> timedelta:
        """How long it lasted, or has lasted so far; never negative (an open episode dated later
        than now has lasted nothing yet: ask starts_after() to say so)."""
        return max((self.end or now) - self.start, timedelta(0))

    @property
    def last_entry(self) -> datetime:
        """The latest time anything was entered: its start, a pain score or a guided step."""
        return max([self.start, *(r.at for r in self.pain), *(s.at for s in self.steps)])

    def stale(self, now: datetime) -> bool:
        """Open for more than STALE_AFTER: ask whether a new spasm is the same one before adding to it."""
        return self.is_open and now - self.start > STALE_AFTER

    def ended(self, at: datetime) -> Episode:
        """A copy ended at `at` and stamped as changed; the times are checked first.

        Raises EndsBeforeStart (a ValueError whose text can be shown) when `at` is before the start,
        e.g. "End now" on an episode dated in the future, instead of failing validation later.
        """
        if at.tzinfo is None:
            raise ValueError("the end time needs a timezone")
        if at < self.start:
            raise EndsBeforeStart(
                f"This episode is dated to start on {self.start:%d %b %Y at %H:%M}, which is after "
                f"{at:%d %b %Y, %H:%M}. Change its start time or delete it; it cannot end before it "
                "starts.")
        return Episode.model_validate({**self.model_dump(), "end": at, "updated_at": utc_now()})

    def retimed(self, *, start: datetime | None = None, end: datetime | None = None) -> Episode:
        """A copy with its start or end moved (the person corrects a time); the end stays after the start.

        Raises EndsBeforeStart, with a sentence to show, when the new times would put the end first.
        """
        start, end = start or self.start, end or self.end
        if end is not None and end < start:
            raise EndsBeforeStart(
                f"That would end it ({end.astimezone():%d %b, %H:%M}) before it starts "
                f"({start.astimezone():%d %b, %H:%M}). Nothing was changed.")
        return Episode.model_validate({**self.model_dump(), "start": start, "end": end,
                                       "updated_at": utc_now()})
