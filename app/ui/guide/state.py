"""Where a person is in "Help me now": kept in the log's settings so a reload resumes the same step."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Literal

Stage = Literal["same", "safety", "start", "pain", "step", "urgent", "end"]


@dataclass(frozen=True)
class GuideState:
    stage: Stage = "safety"
    question: int = 0  # which safety question is on screen
    another: int = 0  # how many times "Another one" was tapped on this step
    easier: bool = False  # the person said the pain feels easier (gentle movement may follow)
    urgent_asked: bool = False
    episode: str | None = None  # the episode this guide belongs to
    timer_card: str | None = None  # the timed step running, or finished and waiting for a pain check-in
    timer_end: float | None = None  # wall-clock end of that timer (time.time())
    pain_before: int | None = None
    picking: bool = False  # Yes to a question with several signs: which one is true?
    checked_recently: bool = False  # the safety questions were skipped: SOS found no sign minutes ago

    def to(self, **changes) -> GuideState:
        return replace(self, **changes)

    def saved(self) -> dict:
        return asdict(self)

    @classmethod
    def restore(cls, saved: object) -> GuideState | None:
        try:
            return cls(**saved) if isinstance(saved, dict) else None
        except TypeError:
            return None
