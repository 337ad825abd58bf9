"""What a person took or used: their earlier words as one-tap choices, and when to ask if it helped."""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.episode import Episode, Taken


def earlier_words(episodes: Iterable[Episode], limit: int = 6) -> list[str]:
    """The person's own earlier entries, most recent first, each once whatever its case."""
    seen: dict[str, tuple] = {}
    for episode in episodes:
        for entry in episode.taken:
            key = entry.what.casefold()
            if key not in seen or entry.at > seen[key][0]:
                seen[key] = (entry.at, entry.what)
    return [what for _, what in sorted(seen.values(), reverse=True)][:limit]


def ask_if_it_helped(episode: Episode) -> int | None:
    """Index of the entry to ask 'Did it help?' about: no answer yet, and a pain score given since."""
    since = [r.at for r in episode.pain]
    for i in range(len(episode.taken) - 1, -1, -1):
        entry: Taken = episode.taken[i]
        if entry.effect is None and any(at > entry.at for at in since):
            return i
    return None
