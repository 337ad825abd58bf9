"""The episode log: TinyDB over a backend, validated at open, newest-first paging."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from app.domain.episode import Episode
from app.store.backends import Backend

FORMAT = "spasm-sos-log"
SCHEMA = 1
# schema n -> function turning an n document into an n+1 document
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}
_EPISODES = TypeAdapter(list[Episode])
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class CorruptStore(ValueError):
    """The stored text cannot be read as a log of this or an older schema."""


@dataclass(frozen=True)
class StoreProblem:
    """Something the person should be told: the old log was moved aside."""

    reason: str
    moved_to: str

    @property
    def message(self) -> str:
        return (f"Your saved log could not be read ({self.reason}). It was kept as "
                f"'{self.moved_to}' and a new, empty log was started.")


def _decode(text: str) -> dict:
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise CorruptStore(f"not valid JSON: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise CorruptStore("not a Spasm SOS log")
    schema = doc.get("schema")
    if not isinstance(schema, int) or not 1 <= schema <= SCHEMA:
        raise CorruptStore(f"unsupported schema version {schema!r}")
    while schema < SCHEMA:
        if schema not in MIGRATIONS:
            raise CorruptStore(f"no upgrade from schema version {schema}")
        try:
            doc = MIGRATIONS[schema](doc)
        except Exception as exc:
            raise CorruptStore(f"upgrading from schema version {schema} failed") from exc
        schema += 1
    if not isinstance(doc, dict) or not isinstance(doc.get("tables"), dict):
        raise CorruptStore("missing tables")
    for name, table in doc["tables"].items():
        # TinyDB needs {"<int>": {...}} tables; anything else crashes it later, outside _open
        if not isinstance(table, dict) or not all(
                isinstance(k, str) and k.isascii() and k.isdigit() and isinstance(v, dict)
                for k, v in table.items()):
            raise CorruptStore(f"table {str(name)[:40]!r} is malformed")
    return doc


_Encoded = dict[str, dict[str, tuple[dict, str]]]  # table -> doc id -> (row, '"<id>":{...}')


def _encode_rows(data: dict, cache: _Encoded) -> _Encoded:
    """Every row's JSON text, taken from the cache while the row is still the same object."""
    encoded: _Encoded = {}
    for name, table in data.items():
        old, new = cache.get(name, {}), encoded.setdefault(name, {})
        for doc_id, row in table.items():
            cached = old.get(doc_id)
            if cached is None or cached[0] is not row:
                cached = (row, _encode(str(doc_id)) + ":" + _encode(row))
            new[doc_id] = cached
    return encoded


class _CachedStorage(Storage):
    """Keeps TinyDB's data and each row's JSON text in memory; writes whole documents.

    TinyDB updates rows in place, so whoever updates a row must call changed() before the write.
    """

    def __init__(self, backend: Backend, tables: dict) -> None:
        self.backend, self.tables = backend, tables
        self._encoded = _encode_rows(tables, {})  # now, so the first write is as quick as the rest

    def changed(self, table: str, doc_id: int) -> None:
        self._encoded.get(table, {}).pop(str(doc_id), None)

    def read(self) -> dict:
        return self.tables

    def write(self, data: dict) -> None:
        try:
            encoded = _encode_rows(data, self._encoded)
            # one list joined once: concatenating megabyte strings would copy them again and again
            out = [_encode({"format": FORMAT, "schema": SCHEMA})[:-1], ',"tables":{']
            for i, (name, rows) in enumerate(encoded.items()):
                out += ["," if i else "", _encode(name), ":{", ",".join([c[1] for c in rows.values()]), "}"]
            out.append("}}")
            self.backend.write("".join(out))
        except BaseException:
            # TinyDB changed the cached dict in place; fall back to what is really stored.
            stored = self.backend.read()
            self.tables, self._encoded = _decode(stored)["tables"] if stored else {}, {}
            raise
        self.tables, self._encoded = data, encoded


class EpisodeLog:
    """All episodes and settings. A log that cannot be read is moved aside, never overwritten."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.problem: StoreProblem | None = None
        tables, by_doc_id = self._open()
        self._storage = _CachedStorage(backend, tables)
        self._episodes = {e.id: e for e in by_doc_id.values()}
        self._doc_ids = {e.id: doc_id for doc_id, e in by_doc_id.items()}
        self._db = TinyDB(storage=lambda: self._storage)
        self._table = self._db.table("episodes")
        self._sorted: list[Episode] | None = None

    def _open(self) -> tuple[dict, dict[int, Episode]]:
        try:
            text = self.backend.read()
        except UnicodeDecodeError:
            self.problem = StoreProblem(reason="not UTF-8 text", moved_to=self.backend.quarantine())
            return {}, {}
        if text is None:
            return {}, {}
        try:
            tables = _decode(text)["tables"]
            rows = tables.get("episodes", {})
            if not isinstance(rows, dict):
                raise CorruptStore("episodes table is not an object")
            episodes = _EPISODES.validate_python(list(rows.values()))
            if len({e.id for e in episodes}) < len(episodes):
                raise CorruptStore("an episode id appears twice")
        except (CorruptStore, ValidationError, TypeError) as exc:
            reason = str(exc).splitlines()[0] if isinstance(exc, CorruptStore) else \
                "a saved episode failed validation"
            self.problem = StoreProblem(reason=reason, moved_to=self.backend.quarantine())
            return {}, {}
        return tables, {int(k): e for k, e in zip(rows, episodes, strict=True)}

    # reading
    def __len__(self) -> int:
        return len(self._episodes)

    def __contains__(self, episode_id: str) -> bool:
        return episode_id in self._episodes

    def get(self, episode_id: str) -> Episode:
        return self._episodes[episode_id].model_copy(deep=True)

    def newest_first(self) -> list[Episode]:
        if self._sorted is None:
            self._sorted = sorted(self._episodes.values(), key=lambda e: (e.start, e.id),
                                  reverse=True)
        return self._sorted

    def page(self, offset: int = 0, limit: int = 20) -> list[Episode]:
        return [e.model_copy(deep=True) for e in self.newest_first()[offset:offset + limit]]

    def active(self) -> Episode | None:
        """The most recent episode that has not ended."""
        latest = next((e for e in self.newest_first() if e.is_open), None)
        return latest.model_copy(deep=True) if latest else None

    # writing: each call is one atomic write of the whole document
    def add(self, episode: Episode) -> Episode:
        self.add_many([episode])
        return episode

    def add_many(self, episodes: Iterable[Episode]) -> int:
        new = [Episode.model_validate(e.model_dump()) for e in episodes]
        if not new:
            return 0
        if any(e.id in self._episodes for e in new) or len({e.id for e in new}) < len(new):
            raise KeyError("episode id already in the log")
        doc_ids = self._table.insert_multiple([e.model_dump(mode="json") for e in new])
        for e, doc_id in zip(new, doc_ids, strict=True):
            self._doc_ids[e.id], self._episodes[e.id] = doc_id, e
        self._sorted = None
        return len(new)

    def update(self, episode: Episode) -> Episode:
        episode = Episode.model_validate(episode.model_dump())
        doc_id = self._doc_ids[episode.id]
        self._storage.changed("episodes", doc_id)
        self._table.update(episode.model_dump(mode="json"), doc_ids=[doc_id])
        self._episodes[episode.id] = episode
        self._sorted = None
        return episode

    def delete(self, episode_id: str) -> Episode:
        """Remove one episode and return it, so the caller can offer undo via add()."""
        self._table.remove(doc_ids=[self._doc_ids[episode_id]])
        del self._doc_ids[episode_id]
        self._sorted = None
        return self._episodes.pop(episode_id)

    def clear(self) -> None:
        self._table.truncate()
        self._doc_ids.clear()
        self._episodes.clear()
        self._sorted = None

    # settings live in the same document, one row
    def settings(self) -> dict[str, Any]:
        rows = self._db.table("settings").all()
        return dict(rows[0]) if rows else {}

    def set_setting(self, key: str, value: Any) -> None:
        self._storage.changed("settings", 1)
        self._db.table("settings").upsert(Document({**self.settings(), key: value}, doc_id=1))
