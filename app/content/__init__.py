"""Guidance content: cards, red flags, sources and choices, validated at load."""

from app.content.loader import ContentError, library, load_library
from app.content.schema import Card, Deck, Library, RedFlag, Source, Timer

__all__ = [
    "Card", "ContentError", "Deck", "Library", "RedFlag", "Source", "Timer", "library", "load_library",
]
