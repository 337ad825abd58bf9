"""Checks shared by the content tests: doses, runs of words copied from the seeds, reading grade."""

import re
from pathlib import Path

import pytest
import textstat

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
GRADE = 8  # Flesch-Kincaid school grade
RUN = 8  # this many words in a row from a seed count as copied
DOSE = [
    re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g|ml)\b", re.I),
    re.compile(r"\b(?:tablets?|pills?|capsules?|doses?|sachets?|puffs?)\s+(?:a|per|each)\s+day\b", re.I),
    re.compile(r"\b(?:\d+|once|twice|one|two|three|four|five|six)\s*(?:x|times)?\s*(?:a|per|each)\s+day\b",
               re.I),
    re.compile(r"\bevery\s+\d+\s*(?:to\s*\d+\s*)?hours?\b", re.I),
]


def doses(text: str) -> list[str]:
    return [m.group(0) for pattern in DOSE for m in pattern.finditer(text)]


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


def words(text: str) -> list[str]:
    """Lower case, curly quotes made straight, apostrophes dropped, any other punctuation a break."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("'", "")
    return re.findall(r"[a-z0-9]+", text)


def runs(text: str, n: int = RUN) -> set[str]:
    w = words(text)
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


def seed_runs() -> set[str]:
    """Every run of RUN words in the seed articles (skips the test when the seeds are not beside us)."""
    if not SEEDS.exists():
        pytest.skip("seeds not beside the checkout")
    return set().union(*(runs(p.read_text(encoding="utf-8")) for p in SEEDS.iterdir()))


def copied(text: str, seeds: set[str]) -> str | None:
    """The first run of RUN words of `text` found in the seeds, if any."""
    return next(iter(sorted(runs(text) & seeds)), None)
