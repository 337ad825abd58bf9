"""The episode log: TinyDB over a backend, validated at open, merged with other writers, never lost."""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import TypeAdapter, ValidationError
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from app.domain.episode import Episode
from app.domain.records import PegEntry, SosCheck
from app.store.backends import Backend, FileBackend, LogInUse, MemoryBackend, display_name
from app.store.merge import merge

FORMAT = "spasm-sos-log"
SCHEMA = 2
_EPISODES = TypeAdapter(list[Episode])
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
NOT_STARTED_SLACK = timedelta(minutes=5)


def _v1_to_v2(doc: dict) -> dict:
    """Schema 2 stamps each episode with updated_at, so two writers' edits can be ordered."""
    for row in doc.get("tables", {}).get("episodes", {}).values():
        if isinstance(row, dict) and "updated_at" not in row:
            row["updated_at"] = row.get("end") or row.get("start")
    return doc


# schema n -> function turning an n document into an n+1 document
MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2}


class CorruptStore(ValueError):
    """The stored text cannot be read as a log of this or an older schema."""


@dataclass(frozen=True)
class StoreProblem:
    """Something the person should be told once: what happened to the saved log, and what is kept."""

    message: str
    moved_to: str | None = None  # where the unreadable log now is (full name; not for display)
    in_use_by: str | None = None  # another process holds the log file: its pid


@dataclass(frozen=True)
class InvalidRow:
    """A saved row that no longer passes validation: kept as it is, shown, and deletable."""

    key: str
    reason: str
    preview: str


def _decode(text: str) -> dict:
    try:
        doc = json.loads(text.removeprefix("\ufeff"))
    except (ValueError, RecursionError) as exc:
        raise CorruptStore(f"not valid JSON: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise CorruptStore("not a Spasm SOS log")
    schema = doc.get("schema")
    if not isinstance(schema, int) or not 1 <= schema <= SCHEMA:
        raise CorruptStore(f"unsupported schema version {schema!r}")
    while schema < SCHEMA:
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


RECORDS = ("episodes", "checks", "peg")  # tables of rows with their own id, merged row by row


def _key(doc_id: str, row: dict) -> str:
    rid = row.get("id")
    return rid if isinstance(rid, str) and rid else f"#row-{doc_id}"


def _keyed(tables: dict) -> tuple[dict[tuple[str, str], dict], dict]:
    """Rows by (table, record id), and the settings row: what two writers' copies are merged by."""
    rows = {(name, _key(k, v)): v for name in RECORDS for k, v in tables.get(name, {}).items()}
    settings = next(iter(tables.get("settings", {}).values()), {})
    return rows, settings


def _tables(rows: dict[tuple[str, str], dict], settings: dict) -> dict:
    tables: dict = {}
    for (name, _), row in rows.items():
        table = tables.setdefault(name, {})
        table[str(len(table) + 1)] = row
    tables.setdefault("episodes", {})
    if settings:
        tables["settings"] = {"1": settings}
    return tables


_Encoded = dict[str, dict[str, tuple[dict, str]]]  # table -> doc id -> (row, '"<id>":{...}')
# what is stored, by (table, id), read only when a merge needs it
Snapshot = Callable[[], tuple[dict[tuple[str, str], dict], dict]]


def _snapshot(tables: dict) -> Snapshot:
    """A copy that TinyDB's in-place updates cannot reach (it replaces fields, never nested values)."""
    rows, settings = _keyed(tables)
    copy = {k: dict(v) for k, v in rows.items()}, dict(settings)
    return lambda: copy


def _written(encoded: _Encoded) -> Snapshot:
    """What a write stored, from its row texts: free to keep, since they are never changed."""
    def read() -> tuple[dict[tuple[str, str], dict], dict]:
        return _keyed({name: {doc_id: json.loads(text[text.index(":") + 1:])
                              for doc_id, (_, text) in rows.items()}
                       for name, rows in encoded.items()})
    return read


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


def _document(encoded: _Encoded) -> str:
    # one list joined once: concatenating megabyte strings would copy them again and again
    out = [_encode({"format": FORMAT, "schema": SCHEMA})[:-1], ',"tables":{']
    for i, (name, rows) in enumerate(encoded.items()):
        out += ["," if i else "", _encode(name), ":{", ",".join([c[1] for c in rows.values()]), "}"]
    out.append("}}")
    return "".join(out)


class _CachedStorage(Storage):
    """Keeps TinyDB's data and each row's JSON text in memory, and hands whole documents to the log.

    TinyDB updates rows in place, so whoever updates a row must call changed() before the write.
    """

    def __init__(self, tables: dict, save: Callable[[str, _Encoded], None]) -> None:
        self.tables, self._save = tables, save
        self._encoded: _Encoded = {}

    def changed(self, table: str, doc_id: int) -> None:
        self._encoded.get(table, {}).pop(str(doc_id), None)

    def read(self) -> dict:
        return self.tables

    def write(self, data: dict) -> None:
        self._encoded = _encode_rows(data, self._encoded)
        self.tables = data
        self._save(_document(self._encoded), self._encoded)


class EpisodeLog:
    """All episodes and settings. What cannot be read is moved aside or kept, never overwritten.

    A write that fails keeps everything in memory and says so in `save_error` until a write works.
    """

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.problem: StoreProblem | None = None
        self.save_error: str | None = None
        self.generation = 0  # bumped by clear(): an undo from before it cannot bring data back
        self.listeners: list[Callable[[], None]] = []
        self.changes = 0  # counts every change, ours or another writer's, for screens to catch up
        self._broken: str | None = None  # why the backend cannot be used at all
        self._pending: list[tuple[str, Snapshot]] = []
        with _bulk():
            self._load(self._open())

    # opening
    def _open(self) -> dict:
        try:
            text = self.backend.read()
        except UnicodeDecodeError:
            return self._move_aside("it is not UTF-8 text")
        except OSError as exc:
            return self._unusable(f"Your saved log could not be opened ({_why(exc)}).")
        if text is None:
            return {}
        try:
            return _decode(text)["tables"]
        except CorruptStore as exc:
            return self._move_aside(str(exc).splitlines()[0])

    def _move_aside(self, reason: str) -> dict:
        try:
            moved_to = self.backend.quarantine()
        except OSError as exc:
            return self._unusable(f"Your saved log could not be read ({reason}) and could not be "
                                  f"moved aside ({_why(exc)}). It is left untouched.")
        self.problem = StoreProblem(f"Your saved log could not be read ({reason}). It was kept as "
                                    f"'{display_name(moved_to)}' and a new, empty log was started.",
                                    moved_to)
        return {}

    @classmethod
    def unsaved(cls, problem: StoreProblem) -> EpisodeLog:
        """A log that lives in memory only, because the real one cannot be used."""
        log = cls(MemoryBackend())
        log._unusable(problem.message)
        log.problem = problem
        return log

    def _unusable(self, message: str) -> dict:
        self._broken = message
        self.problem = StoreProblem(message)
        self.save_error = ("What you enter now stays on this screen but is not being saved. "
                           "SOS and the cards work as usual.")
        return {}

    def _load(self, tables: dict) -> None:
        """Validate every row: valid ones become episodes, the others stay as invalid rows."""
        rows = tables.get("episodes", {})
        episodes, errors = _validate(list(rows.values()))
        self._episodes: dict[str, Episode] = {}
        self._doc_ids: dict[str, int] = {}
        self._invalid: dict[str, InvalidRow] = {}
        for (doc_id, row), episode, error in zip(rows.items(), episodes, errors, strict=True):
            if episode is not None and episode.id not in self._episodes:
                self._episodes[episode.id], self._doc_ids[episode.id] = episode, int(doc_id)
            else:
                key = f"#row-{doc_id}"
                self._invalid[key] = InvalidRow(key, error or "an episode id appears twice",
                                                _preview(row))
                self._doc_ids[key] = int(doc_id)
        self._others = {name: _valid_only(model, tables.get(name, {}))
                        for name, model in OTHER_RECORDS.items()}
        self._storage = _CachedStorage(tables, self._save)
        self._db = TinyDB(storage=lambda: self._storage)
        self._table = self._db.table("episodes")
        self._sorted: list[Episode] | None = None
        self._base = _snapshot(tables)

    # other writers
    def refresh(self) -> bool:
        """Take in what another writer stored since we last looked; True when anything changed."""
        if self._broken:
            return False
        try:
            text = self.backend.newer()
        except OSError:
            return False
        return text is not None and self.absorb(text)

    def absorb(self, text: str) -> bool:
        """Merge a newer stored copy with this one by episode id; rewrite if ours adds to it."""
        try:
            theirs = _decode(text)["tables"]
        except CorruptStore:
            return False  # someone else's broken write is not ours to move aside while we hold a good copy
        (base_rows, base_settings), (our_rows, our_settings) = self._base(), _keyed(self._storage.tables)
        their_rows, their_settings = _keyed(theirs)
        rows = merge(base_rows, our_rows, their_rows)
        settings = merge(base_settings, our_settings, their_settings)
        if rows == our_rows and settings == our_settings:
            self._base = _snapshot(theirs)
            return False
        self._load(_tables(rows, settings))
        self._base = _snapshot(theirs)
        if rows != their_rows or settings != their_settings:
            self._storage.write(self._storage.tables)
        else:
            self._pending.clear()  # memory now equals the stored copy: nothing of ours is unsaved
        self._notify()
        return True

    # writing
    def _save(self, text: str, encoded: _Encoded) -> None:
        if self._broken:
            return
        snapshot = _written(encoded)
        try:
            self.backend.write(text)
        except OSError as exc:
            self.save_error = f"Not saved: {_why(exc)}. Export now to keep a copy."
            return
        if getattr(self.backend, "asynchronous", False):
            self._pending.append((text, snapshot))
        else:
            self.save_error, self._base = None, snapshot

    def confirmed(self, text: str) -> None:
        """An asynchronous backend stored `text` durably."""
        for i, (pending, snapshot) in enumerate(self._pending):
            if pending is text:
                self._base, self._pending = snapshot, self._pending[i + 1:]
                self.save_error = None
                self._notify()
                return

    def failed(self, message: str) -> None:
        """An asynchronous backend could not store the latest changes; they stay in memory."""
        self.save_error = f"Not saved: {message}. Export now to keep a copy."
        self._notify()

    @property
    def saved(self) -> bool:
        """Every change so far is durable."""
        return self.save_error is None and not self._pending and not self._broken

    def _notify(self) -> None:
        self.changes += 1
        for listener in list(self.listeners):
            listener()

    def _changed(self) -> None:
        self._sorted = None
        self._notify()

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
        """The most recent episode that has begun and not ended."""
        now = datetime.now(UTC) + NOT_STARTED_SLACK
        latest = next((e for e in self.newest_first() if e.is_open and e.start <= now), None)
        return latest.model_copy(deep=True) if latest else None

    def invalid_rows(self) -> list[InvalidRow]:
        return list(self._invalid.values())

    # writing: each call is one atomic write of the whole document
    def add(self, episode: Episode) -> Episode:
        self.add_many([episode])
        return episode

    def add_many(self, episodes: Iterable[Episode]) -> int:
        new = [Episode.model_validate(e.model_dump()) for e in episodes]
        if not new:
            return 0
        self.refresh()
        if any(e.id in self._episodes for e in new) or len({e.id for e in new}) < len(new):
            raise KeyError("episode id already in the log")
        doc_ids = self._table.insert_multiple([e.model_dump(mode="json") for e in new])
        for e, doc_id in zip(new, doc_ids, strict=True):
            self._doc_ids[e.id], self._episodes[e.id] = doc_id, e
        self._changed()
        return len(new)

    def update(self, episode: Episode, touch: bool = True) -> Episode:
        """Replace an episode; `touch` stamps it as changed now (an import keeps its own stamp)."""
        episode = Episode.model_validate(episode.model_dump())
        if touch:
            episode.updated_at = datetime.now(UTC)
        self.refresh()
        doc_id = self._doc_ids[episode.id]
        self._storage.changed("episodes", doc_id)
        self._table.update(episode.model_dump(mode="json"), doc_ids=[doc_id])
        self._episodes[episode.id] = episode
        self._changed()
        return episode

    def delete(self, episode_id: str) -> Episode | None:
        """Remove one episode (or invalid row) and return it, so the caller can offer undo via add()."""
        self.refresh()
        if episode_id not in self._doc_ids:
            raise KeyError(episode_id)
        self._table.remove(doc_ids=[self._doc_ids.pop(episode_id)])
        self._invalid.pop(episode_id, None)
        episode = self._episodes.pop(episode_id, None)
        self._changed()
        return episode

    def clear(self) -> None:
        """Delete every episode, every setting and every copy moved aside."""
        self.refresh()
        self._load({})
        self._storage.write({})
        self.generation += 1
        self.problem = None
        if not self._broken:
            self.backend.remove_aside()
        self._changed()

    async def settled(self) -> None:
        """Wait until every write handed to an asynchronous backend is stored or refused."""
        if (flush := getattr(self.backend, "flush", None)) is not None:
            await flush()

    def moved_aside(self) -> list[str]:
        """Copies of earlier logs that could not be read, which clear() also deletes."""
        if self._broken:
            return []
        try:
            return [display_name(name) for name in self.backend.aside()]
        except OSError:
            return []

    # SOS checks and PEG answers: rows of their own tables, oldest first
    def add_record(self, record: SosCheck | PegEntry) -> None:
        self.add_records([record])

    def add_records(self, records: Iterable[SosCheck | PegEntry]) -> int:
        """Add SOS checks and PEG answers in one write; ids already here are left as they are."""
        self.refresh()
        known = {r.id for rows in self._others.values() for r in rows}
        fresh = [type(r).model_validate(r.model_dump()) for r in records if r.id not in known]
        for name, model in OTHER_RECORDS.items():  # one atomic write per table that gains rows
            if rows := [r for r in fresh if isinstance(r, model)]:
                self._db.table(name).insert_multiple([r.model_dump(mode="json") for r in rows])
                self._others[name] += rows
        if fresh:
            self._changed()
        return len(fresh)

    def checks(self) -> list[SosCheck]:
        return sorted(self._others["checks"], key=lambda r: r.at)

    def pegs(self) -> list[PegEntry]:
        return sorted(self._others["peg"], key=lambda r: r.at)

    # settings live in the same document, one row
    def settings(self) -> dict[str, Any]:
        rows = self._db.table("settings").all()
        return dict(rows[0]) if rows else {}

    def set_setting(self, key: str, value: Any) -> None:
        _encode(value)  # a value JSON cannot hold is refused before it reaches the table
        self.refresh()
        self._storage.changed("settings", 1)
        self._db.table("settings").upsert(Document({**self.settings(), key: value}, doc_id=1))
        self._notify()


OTHER_RECORDS: dict[str, type[SosCheck] | type[PegEntry]] = {"checks": SosCheck, "peg": PegEntry}


def _valid_only(model, rows: dict) -> list:
    """The rows that pass validation; the others stay in the file untouched."""
    out = []
    for row in rows.values():
        try:
            out.append(model.model_validate(row))
        except ValidationError:
            continue
    return out


def open_file_log(path) -> EpisodeLog:
    """The log file, held by this process; when it cannot be, a log in memory that says why."""
    backend = FileBackend(path)
    try:
        backend.hold()
    except LogInUse as exc:
        return EpisodeLog.unsaved(StoreProblem(
            f"Your log is open in another Spasm SOS (process {exc.pid or 'unknown'}).", in_use_by=exc.pid))
    except OSError as exc:
        return EpisodeLog.unsaved(StoreProblem(f"Your saved log could not be opened ({_why(exc)})."))
    return EpisodeLog(backend)


@contextmanager
def _bulk() -> Iterator[None]:
    """The cycle collector waits while thousands of rows are parsed; rescanning them halved an open."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@_bulk()
def _validate(rows: list) -> tuple[list[Episode | None], list[str | None]]:
    """All rows at once (fast); when some fail, each failing row keeps its first error."""
    try:
        return list(_EPISODES.validate_python(rows)), [None] * len(rows)
    except ValidationError as exc:
        bad: dict[int, str] = {}
        for err in exc.errors():
            index, *where = err["loc"]
            bad.setdefault(int(index), f"{'.'.join(map(str, where)) or 'row'}: {err['msg']}"[:160])
    good = iter(_EPISODES.validate_python([r for i, r in enumerate(rows) if i not in bad]))
    episodes = [None if i in bad else next(good) for i in range(len(rows))]
    return episodes, [bad.get(i) for i in range(len(rows))]


def _preview(row: dict) -> str:
    start = row.get("start")
    return f"saved as starting {str(start)[:32]}" if isinstance(start, str) else "a saved row"


def _why(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()
