"""What the log keeps beside episodes: each SOS check's outcome, and the weekly PEG score."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.content.loader import library
from app.domain.episode import Moment, utc_now

Outcome = Literal["emergency", "urgent", "soon", "self-care"]
_ID = Field(default_factory=lambda: uuid.uuid4().hex, pattern=r"^[A-Za-z0-9_-]{1,64}$")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = _ID
    at: Moment = Field(default_factory=utc_now)
    updated_at: Moment = Field(default_factory=utc_now)


class SosCheck(_Record):
    """One run of the red-flag check: when, what it concluded, and which signs were ticked."""

    tier: Outcome
    flags: list[str] = Field(default_factory=list, max_length=60)

    @field_validator("flags")
    @classmethod
    def _known_flags(cls, v: list[str]) -> list[str]:
        known = {f.id for f in library().red_flags}
        if unknown := [f for f in v if f not in known]:
            raise ValueError(f"unknown red flag: {', '.join(unknown)}")
        return list(dict.fromkeys(v))


# What each outcome told the person, in the words the Log lists a past check with
OUTCOME_WORDS: dict[Outcome, str] = {
    "emergency": "Call for help now",
    "urgent": "See a doctor today",
    "soon": "See a GP in the next few days",
    "self-care": "No red flags",
}


def outcome_words(check: SosCheck) -> str:
    return OUTCOME_WORDS[check.tier]


def signs(check: SosCheck) -> list[str]:
    """The signs ticked in a check, in the app's words, in the order they were ticked."""
    names = {f.id: f.label for f in library().red_flags}
    return [names.get(f, f) for f in check.flags]


class PegEntry(_Record):
    """The PEG scale (Krebs et al. 2009): three 0-10 answers over the past week; the score is their mean."""

    pain: int = Field(ge=0, le=10, description="average pain")
    enjoyment: int = Field(ge=0, le=10, description="interference with enjoyment of life")
    activity: int = Field(ge=0, le=10, description="interference with general activity")

    @property
    def score(self) -> float:
        return round((self.pain + self.enjoyment + self.activity) / 3, 2)
