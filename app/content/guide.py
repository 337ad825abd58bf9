"""The guided episode's safety questions: data, schema and loader, checked against the red flags."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from pydantic import Field

from app.content.loader import DATA_DIR, ContentError, library
from app.content.schema import Id, _Strict


class SafetyQuestion(_Strict):
    """One Yes / No / Not sure question covering a group of emergency red flags; a Yes asks which one."""

    id: str = Id
    ask: str = Field(min_length=10, max_length=120)
    flags: tuple[str, ...] = Field(min_length=1, description="the signs a Yes then picks one of")
    sources: tuple[str, ...] = Field(min_length=1)


def load_questions(path: Path = DATA_DIR / "guide.toml", lib=None) -> tuple[SafetyQuestion, ...]:
    """The questions, each emergency flag in exactly one of them and no other flag in any."""
    lib = lib or library()
    questions = tuple(SafetyQuestion.model_validate(q)
                      for q in tomllib.loads(path.read_text(encoding="utf-8"))["question"])
    emergency = [f.id for f in lib.red_flags if f.tier == "emergency"]
    asked = [flag for q in questions for flag in q.flags]
    if sorted(asked) != sorted(emergency):
        missing, extra = set(emergency) - set(asked), set(asked) - set(emergency)
        twice = {f for f in asked if asked.count(f) > 1}
        raise ContentError(f"guide.toml: every emergency flag once (missing {sorted(missing)}, "
                           f"not emergency {sorted(extra)}, twice {sorted(twice)})")
    known = {s.id for s in lib.sources}
    if unknown := [s for q in questions for s in q.sources if s not in known]:
        raise ContentError(f"guide.toml: unknown sources {unknown}")
    return questions


@cache
def questions() -> tuple[SafetyQuestion, ...]:
    return load_questions()
