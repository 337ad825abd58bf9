"""The episode log: TinyDB over a backend, validated at open, merged with other writers, never lost."""

from __future__ import annotations

import bisect
import gc
import json
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import wraps
from typing import Any

from pydantic import TypeAdapter, ValidationError
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from app.domain.episode import Episode, PainReading, clock_warning
from app.domain.records import PegEntry, SosCheck
from app.domain.settings import Settings, check_setting, valid_settings
from app.store.backends import Backend, FileBackend, LogInUse, MemoryBackend, display_name
from app.store.merge import merge

FORMAT = "spasm-sos-log"
SCHEMA = 2
_EPISODES = TypeAdapter(list[Episode])
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
NOT_STARTED_SLACK = timedelta(minutes=5)
CHUNK = 2000  # rows validated at a time while opening; their parsed text is let go as they pass
BLOCK = 512  # rows joined into one part of a file write


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


# what is stored, by (table, id), read only when a merge needs it
Snapshot = Callable[[], tuple[dict[tuple[str, str], dict], dict]]


def _nothing() -> tuple[dict, dict]:
    return {}, {}


def _piece(doc_id: int, row: Any) -> str:
    """A row as the file holds it: '"<doc id>":<row JSON>'."""
    return f'"{doc_id}":{_encode(row)}'


def _row(piece: str) -> Any:
    return json.loads(piece[piece.index(":") + 1:])


def _frozen(texts: dict[str, dict[int, str]]) -> Snapshot:
    """What a write stored, kept as its row texts (never changed, so copies of the dicts suffice)."""
    copy = {name: dict(rows) for name, rows in texts.items()}
    return lambda: _keyed({name: {str(k): _row(p) for k, p in rows.items()}
                           for name, rows in copy.items()})


def _stored(text: str) -> Snapshot:
    """Another writer's document, decoded again only if a later merge needs it."""
    return lambda: _keyed(_decode(text)["tables"])


def _parts(texts: dict[str, dict[int, str]]) -> Iterator[str]:
    """The document in order, BLOCK rows to a part.

    A file is written part by part: joining 50,000 rows into one string, then encoding it, made
    the process fault in tens of fresh megabytes per save, which took longer than the disk did.
    """
    yield _encode({"format": FORMAT, "schema": SCHEMA})[:-1] + ',"tables":{'
    for i, (name, rows) in enumerate(texts.items()):
        yield ("," if i else "") + _encode(name) + ":{"
        pieces = list(rows.values())
        for at in range(0, len(pieces), BLOCK):
            yield ("," if at else "") + ",".join(pieces[at:at + BLOCK])
        yield "}"
    yield "}}"


def _document(texts: dict[str, dict[int, str]]) -> str:
    return "".join(_parts(texts))


class _Rows(MutableMapping):
    """One table as TinyDB's updaters see it (doc id -> row), kept as each row's JSON text.

    A row looked up here is decoded on the spot and TinyDB may change it in place, so settle()
    encodes the rows handed out again. Nothing else is decoded: a change costs its own rows.
    """

    def __init__(self, texts: dict[int, str] | None = None) -> None:
        self.texts = {} if texts is None else texts
        self._lent: dict[int, Any] = {}

    def __getitem__(self, doc_id: int) -> Any:
        if doc_id not in self._lent:
            self._lent[doc_id] = _row(self.texts[doc_id])
        return self._lent[doc_id]

    def __setitem__(self, doc_id: int, row: Any) -> None:
        self.texts[doc_id] = _piece(doc_id, row)
        self._lent.pop(doc_id, None)

    def __delitem__(self, doc_id: int) -> None:
        del self.texts[doc_id]
        self._lent.pop(doc_id, None)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.texts

    def __iter__(self) -> Iterator[int]:
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)

    def settle(self) -> None:
        for doc_id, row in self._lent.items():
            if doc_id in self.texts:
                self.texts[doc_id] = _piece(doc_id, row)
        self._lent.clear()


class _Reading(Mapping):
    """One table as TinyDB's readers see it: str doc id -> row, decoded when looked up."""

    def __init__(self, texts: dict[int, str]) -> None:
        self.texts = texts

    def __getitem__(self, key: str) -> Any:
        return _row(self.texts[int(key)])

    def __iter__(self) -> Iterator[str]:
        return (str(k) for k in list(self.texts))

    def __len__(self) -> int:
        return len(self.texts)


class _Table(Table):
    """TinyDB's table over row texts: an insert, update or delete costs its own rows, not the table.

    TinyDB's own _update_table turns every document id of the table into an int and back on each
    change: at 50,000 episodes that was a third of a save. Same contract, without that step.
    """

    def _read_table(self) -> Mapping[str, Any]:
        return self._storage.reading(self.name)

    def _update_table(self, updater: Callable[[Any], None]) -> None:
        rows = self._storage.rows(self.name)
        try:
            updater(rows)
        finally:
            rows.settle()
        self._storage.changed()
        self.clear_cache()


class _DB(TinyDB):
    table_class = _Table


class _TextStorage(Storage):
    """TinyDB's storage: every table as row texts. Each change hands the whole document to `save`,
    once per batch()."""

    def __init__(self, texts: dict[str, dict[int, str]],
                 save: Callable[[dict[str, dict[int, str]], Snapshot], None]) -> None:
        self.tables = {name: _Rows(rows) for name, rows in texts.items()}
        self._save = save
        self._depth = 0
        self._due = False

    def rows(self, name: str) -> _Rows:
        if name not in self.tables:
            self.tables[name] = _Rows()
        return self.tables[name]

    def reading(self, name: str) -> Mapping[str, Any]:
        rows = self.tables.get(name)
        return _Reading(rows.texts if rows is not None else {})

    def read(self) -> dict:
        return {name: self.reading(name) for name in self.tables}

    def write(self, data: dict) -> None:
        raise NotImplementedError("the log changes rows through its tables")

    def texts(self) -> dict[str, dict[int, str]]:
        return {name: rows.texts for name, rows in self.tables.items()}

    def keyed(self) -> tuple[dict[tuple[str, str], dict], dict]:
        """Every row decoded, keyed as merges key them."""
        return _frozen(self.texts())()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Changes made inside are saved as one write when the outermost batch ends."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if not self._depth and self._due:
                self.flush()

    def changed(self) -> None:
        if self._depth:
            self._due = True
        else:
            self.flush()

    def flush(self) -> None:
        self._due = False
        texts = self.texts()
        self._save(texts, _frozen(texts))


def _locked(method):
    """Run the method holding the log's lock: one writer at a time, whichever thread it is on."""
    @wraps(method)
    def run(self, *args, **kwargs):
        with self.lock:
            return method(self, *args, **kwargs)
    return run


def _order(episode: Episode) -> tuple[float, str]:
    # seconds, not datetimes: comparing aware datetimes asks each one's offset every time
    return episode.start.timestamp(), episode.id


BULK = 64  # more changes than this at once: the order is rebuilt rather than patched one by one


class EpisodeLog:
    """All episodes and settings. What cannot be read is moved aside or kept, never overwritten.

    A write that fails keeps everything in memory and says so in `save_error` until a write works.
    Every change holds `lock` (a re-entrant lock), so an import on a worker thread and a tap's save
    take turns; reads use snapshots and do not wait.
    """

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.lock = threading.RLock()
        self.problem: StoreProblem | None = None
        self.save_error: str | None = None
        self.generation = 0  # bumped by clear(): an undo from before it cannot bring data back
        self.listeners: list[Callable[[], None]] = []
        self.changes = 0  # counts every change, ours or another writer's, for screens to catch up
        self._broken: str | None = None  # why the backend cannot be used at all
        self._pending: list[tuple[str, Snapshot]] = []
        with _bulk(freeze=True):
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

    def _load(self, tables: dict, known: Mapping[str, Episode] | None = None) -> None:
        """Validate every row: valid ones become episodes, the others stay as invalid rows.

        Consumes `tables`: each parsed row is let go once it is encoded and validated, so a big log
        is not held twice. `known` maps a row's JSON to an episode already validated from it.
        """
        known = known or {}
        self._episodes: dict[str, Episode] = {}
        self._doc_ids: dict[str, int] = {}
        self._invalid: dict[str, InvalidRow] = {}
        self._others = {name: _valid_only(model, tables.get(name, {}))
                        for name, model in OTHER_RECORDS.items()}
        texts: dict[str, dict[int, str]] = {}
        items = list(tables.pop("episodes", {}).items())
        items.reverse()
        rows = texts["episodes"] = {}
        while items:
            chunk = [items.pop() for _ in range(min(CHUNK, len(items)))]
            self._load_chunk(chunk, rows, known)
        if not rows:
            del texts["episodes"]  # TinyDB adds the table with its first row
        if settings := next(iter(tables.pop("settings", {}).values()), None):
            texts["settings"] = {1: _piece(1, settings)}  # one row, where set_setting keeps it
        for name, table in tables.items():
            out = texts[name] = {}
            for key, row in table.items():
                doc_id = _free(out, key)
                out[doc_id] = _piece(doc_id, row)
        self._storage = _TextStorage(texts, self._save)
        self._db = _DB(storage=lambda: self._storage)
        self._table = self._db.table("episodes")
        self._asc = sorted(self._episodes.values(), key=_order)
        self._desc: list[Episode] | None = None
        self._settings: dict[str, Any] | None = None
        self._newest = max([e.updated_at for e in self._episodes.values()]
                           + [r.updated_at for rows_ in self._others.values() for r in rows_],
                           default=None)
        self._base = _frozen(texts)

    def _load_chunk(self, chunk: list, rows: dict[int, str], known: Mapping[str, Episode]) -> None:
        found: list[tuple[int, Any, Episode | None, str | None]] = []
        fresh: list[int] = []
        for key, row in chunk:
            doc_id = _free(rows, key)
            text = _encode(row)
            rows[doc_id] = f'"{doc_id}":{text}'
            episode = known.get(text)
            if episode is None:
                fresh.append(len(found))
            found.append((doc_id, row, episode, None))
        episodes, errors = _validate([found[i][1] for i in fresh])
        for i, episode, error in zip(fresh, episodes, errors, strict=True):
            found[i] = (*found[i][:2], episode and _slim(episode), error)
        for doc_id, row, episode, error in found:
            if episode is not None and episode.id not in self._episodes:
                self._episodes[episode.id], self._doc_ids[episode.id] = episode, doc_id
            else:
                key = f"#row-{doc_id}"
                self._invalid[key] = InvalidRow(key, error or "an episode id appears twice",
                                                _preview(row))
                self._doc_ids[key] = doc_id

    # other writers
    @_locked
    def refresh(self) -> bool:
        """Take in what another writer stored since we last looked; True when anything changed.

        A stored copy that cannot be read (a stray byte, a cut-off write, not JSON) is moved aside,
        never overwritten, and what is in memory is saved to a fresh log: see `problem`.
        """
        if self._broken:
            return False
        try:
            text = self.backend.newer()
        except UnicodeDecodeError:
            return self._damaged("it had bytes that are not UTF-8 text")
        except OSError:
            return False
        return text is not None and self.absorb(text)

    @_locked
    def absorb(self, text: str) -> bool:
        """Merge a newer stored copy with this one by episode id; rewrite if ours adds to it."""
        try:
            theirs = _decode(text)["tables"]
        except CorruptStore as exc:
            return self._damaged(str(exc).splitlines()[0], text)
        (base_rows, base_settings), (our_rows, our_settings) = self._base(), self._storage.keyed()
        their_rows, their_settings = _keyed(theirs)
        rows = merge(base_rows, our_rows, their_rows)
        settings = merge(base_settings, our_settings, their_settings)
        if rows == our_rows and settings == our_settings:
            self._base = _stored(text)
            return False
        mine = {t[t.index(":") + 1:]: self._episodes[key] for key, doc_id in self._doc_ids.items()
                if key in self._episodes for t in [self._storage.tables["episodes"].texts[doc_id]]}
        theirs_too = rows == their_rows and settings == their_settings
        self._load(_tables(rows, settings), known=mine)
        self._base = _stored(text)
        if not theirs_too:
            self._storage.flush()
        else:
            self._pending.clear()  # memory now equals the stored copy: nothing of ours is unsaved
        self._notify()
        return True

    def _damaged(self, reason: str, text: str | None = None) -> bool:
        """The stored copy cannot be read: keep it aside, then store what is in memory afresh."""
        keep = getattr(self.backend, "keep_aside", None)
        try:
            moved_to = keep(text) if keep is not None and text is not None else self.backend.quarantine()
        except OSError as exc:
            self._unusable(f"Your saved log was damaged ({reason}) and could not be moved aside "
                           f"({_why(exc)}). It is left untouched; your entries stay on this screen.")
            self._notify()
            return True
        self._base = _nothing
        self._storage.flush()
        kept = ("saved again in a fresh log" if self.save_error is None
                else "kept on this screen")
        self.problem = StoreProblem(
            f"The saved log had damaged bytes ({reason}). A copy was kept as "
            f"'{display_name(moved_to)}', and your entries are safe: they were {kept}.", moved_to)
        self._notify()
        return True

    # writing
    def _save(self, texts: dict[str, dict[int, str]], snapshot: Snapshot) -> None:
        if self._broken:
            return
        asynchronous = getattr(self.backend, "asynchronous", False)
        write_parts = getattr(self.backend, "write_parts", None)
        text = _document(texts) if asynchronous or write_parts is None else None
        try:
            if text is None:
                write_parts(_parts(texts))
            else:
                self.backend.write(text)
        except OSError as exc:
            self.save_error = f"Not saved: {_why(exc)}. Export now to keep a copy."
            return
        if asynchronous:
            self._pending.append((text, snapshot))
        else:
            self.save_error, self._base = None, snapshot

    @_locked
    def confirmed(self, text: str) -> None:
        """An asynchronous backend stored `text` durably."""
        for i, (pending, snapshot) in enumerate(self._pending):
            if pending is text:
                self._base, self._pending = snapshot, self._pending[i + 1:]
                self.save_error = None
                self._notify()
                return

    @_locked
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
        self._desc = None
        self._notify()

    # reading: no lock; each answer comes from one consistent snapshot
    def __len__(self) -> int:
        return len(self._episodes)

    def __contains__(self, episode_id: str) -> bool:
        return episode_id in self._episodes

    def get(self, episode_id: str) -> Episode:
        return self._episodes[episode_id].model_copy(deep=True)

    def newest_first(self) -> list[Episode]:
        """Every valid episode, latest start first. The list is shared: do not change it."""
        desc = self._desc
        if desc is None:
            with self.lock:
                if self._desc is None:
                    self._desc = self._asc[::-1]
                desc = self._desc
        return desc

    def page(self, offset: int = 0, limit: int = 20) -> list[Episode]:
        return [e.model_copy(deep=True) for e in self.newest_first()[offset:offset + limit]]

    def active(self) -> Episode | None:
        """The most recent episode that has begun and not ended."""
        now = datetime.now(UTC) + NOT_STARTED_SLACK
        latest = next((e for e in self.newest_first() if e.is_open and e.start <= now), None)
        return latest.model_copy(deep=True) if latest else None

    def invalid_rows(self) -> list[InvalidRow]:
        return list(self._invalid.values())

    def clock_warning(self, now: datetime | None = None) -> str | None:
        """A sentence to show when the device clock looks wrong (see domain clock_warning), else None."""
        return clock_warning(now or datetime.now(UTC), self._newest)

    def _seen(self, stamps: Iterable[datetime]) -> None:
        self._newest = max([*stamps, *([self._newest] if self._newest else [])], default=None)

    # writing: each call is one atomic write of the whole document
    def add(self, episode: Episode) -> Episode:
        self.add_many([episode])
        return episode

    def add_many(self, episodes: Iterable[Episode], copy: bool = True) -> int:
        """Add new episodes in one write; KeyError (nothing added) when an id is already here.

        copy=False stores the given models themselves: for a caller that validated them and will
        not change them (an import).
        """
        new = [Episode.model_validate(e.model_dump()) for e in episodes] if copy else list(episodes)
        if not new:
            return 0
        with self.lock:
            self.refresh()
            if any(e.id in self._episodes for e in new) or len({e.id for e in new}) < len(new):
                raise KeyError("episode id already in the log")
            self._insert(new)
            self._changed()
        return len(new)

    def _insert(self, new: list[Episode], rows: Mapping[int, dict] | None = None) -> None:
        """Store new episodes; `rows` may hold their dumps already made (by id() of the model)."""
        if not new:
            return
        rows = rows or {}
        doc_ids = self._table.insert_multiple([rows.get(id(e)) or e.model_dump(mode="json") for e in new])
        for e, doc_id in zip(new, doc_ids, strict=True):
            self._doc_ids[e.id], self._episodes[e.id] = doc_id, _slim(e)
        if len(new) > BULK:
            self._asc = sorted([*self._asc, *new], key=_order)
        else:
            for e in new:
                bisect.insort(self._asc, e, key=_order)
        self._seen(e.updated_at for e in new)

    def update(self, episode: Episode, touch: bool = True) -> Episode:
        """Replace an episode; `touch` stamps it as changed now (an import keeps its own stamp)."""
        return self.update_many([episode], touch)[0]

    def update_many(self, episodes: Iterable[Episode], touch: bool = True) -> list[Episode]:
        """Replace known episodes in one write; KeyError (nothing changed) for an unknown id."""
        fresh = [Episode.model_validate(e.model_dump()) for e in episodes]
        if touch:
            stamp = datetime.now(UTC)
            for e in fresh:
                e.updated_at = stamp
        with self.lock:
            self.refresh()
            if missing := [e.id for e in fresh if e.id not in self._episodes]:
                raise KeyError(missing[0])
            self._replace(fresh)
            self._changed()
        return fresh

    def _replace(self, episodes: list[Episode], rows: Mapping[int, dict] | None = None) -> None:
        rows = rows or {}
        with self._storage.batch():
            for e in episodes:
                row = rows.get(id(e)) or e.model_dump(mode="json")
                self._table.update(row, doc_ids=[self._doc_ids[e.id]])
                _slim(e)
        if len(episodes) > BULK:
            self._episodes.update((e.id, e) for e in episodes)
            self._asc = sorted(self._episodes.values(), key=_order)
        else:
            for e in episodes:
                self._unindex(self._episodes[e.id])
                self._episodes[e.id] = e
                bisect.insort(self._asc, e, key=_order)
        self._seen(e.updated_at for e in episodes)

    def _unindex(self, episode: Episode) -> None:
        i = bisect.bisect_left(self._asc, _order(episode), key=_order)
        if i < len(self._asc) and self._asc[i] is episode:
            del self._asc[i]
        else:  # not where its order says: look everywhere rather than keep a stale copy
            self._asc = [e for e in self._asc if e is not episode]

    @_locked
    def delete(self, episode_id: str) -> Episode | None:
        """Remove one episode (or invalid row) and return it, so the caller can offer undo via add()."""
        self.refresh()
        if episode_id not in self._doc_ids:
            raise KeyError(episode_id)
        self._table.remove(doc_ids=[self._doc_ids.pop(episode_id)])
        self._invalid.pop(episode_id, None)
        episode = self._episodes.pop(episode_id, None)
        if episode is not None:
            self._unindex(episode)
        self._changed()
        return episode

    @_locked
    def clear(self) -> None:
        """Delete every episode, every setting and every copy moved aside."""
        self.refresh()
        self._load({})
        self._storage.flush()
        self.generation += 1
        self.problem = None
        if not self._broken:
            self.backend.remove_aside()
        self._changed()

    def take_in(self, episodes: list[Episode],
                records: Iterable[SosCheck | PegEntry] = ()) -> tuple[int, int, int, int]:
        """Merge validated episodes and records (an import) in one write, holding the lock.

        New ids are added; a known id with other content keeps the copy changed last (updated_at;
        ours on a tie). The models are stored as given: do not change them afterwards.
        Returns (added, updated to theirs, kept ours, already here).
        """
        rows = {id(e): e.model_dump(mode="json") for e in episodes}  # before the lock: a tap waits less
        with self.lock:
            self.refresh()
            new, newer, older, same = [], [], 0, 0
            for e in episodes:
                here = self._episodes.get(e.id)
                if here is None:
                    new.append(e)
                elif e == here:
                    same += 1
                elif e.updated_at > here.updated_at:
                    newer.append(e)
                else:
                    older += 1
            with self._storage.batch():
                self._insert(new, rows)
                self._replace(newer, rows)
                fresh = self._add_records(records)
            if new or newer or fresh:
                self._changed()
        return len(new), len(newer), older, same

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

    @_locked
    def add_records(self, records: Iterable[SosCheck | PegEntry]) -> int:
        """Add SOS checks and PEG answers in one write; ids already here are left as they are."""
        self.refresh()
        with self._storage.batch():
            fresh = self._add_records(records)
        if fresh:
            self._changed()
        return fresh

    def _add_records(self, records: Iterable[SosCheck | PegEntry]) -> int:
        known = {r.id for rows in self._others.values() for r in rows}
        fresh = [type(r).model_validate(r.model_dump()) for r in records if r.id not in known]
        for name, model in OTHER_RECORDS.items():
            if rows := [r for r in fresh if isinstance(r, model)]:
                self._db.table(name).insert_multiple([r.model_dump(mode="json") for r in rows])
                self._others[name] = [*self._others[name], *rows]
        self._seen(r.updated_at for r in fresh)
        return len(fresh)

    def checks(self) -> list[SosCheck]:
        return sorted(self._others["checks"], key=lambda r: r.at)

    @_locked
    def delete_check(self, check_id: str) -> SosCheck:
        """Remove one SOS check and return it, so the caller can offer undo (restore_check).

        KeyError when no kept check has that id (another window may have deleted it first).
        """
        self.refresh()
        found = next((c for c in self._others["checks"] if c.id == check_id), None)
        if found is None:
            raise KeyError(check_id)
        self._db.table("checks").remove(cond=lambda row: isinstance(row, dict) and row.get("id") == check_id)
        self._others["checks"] = [c for c in self._others["checks"] if c.id != check_id]
        self._changed()
        return found

    def restore_check(self, check: SosCheck, generation: int) -> bool:
        """Undo a delete_check: put the check back, unless everything was deleted since (`generation`
        is the log's generation when it was deleted) or it is back already. True when restored."""
        with self.lock:
            return generation == self.generation and self.add_records([check]) == 1

    def pegs(self) -> list[PegEntry]:
        return sorted(self._others["peg"], key=lambda r: r.at)

    # settings live in the same document, one row, checked by app.domain.settings
    def settings(self) -> dict[str, Any]:
        """The saved settings that pass the Settings model, by name (a copy).

        A value that fails is left in the file as it is, noted in the log once, and never returned:
        the caller's default applies. Names not saved are absent (see preferences() for defaults).
        """
        cached = self._settings
        if cached is None:
            with self.lock:
                if self._settings is None:
                    rows = self._db.table("settings").all()
                    self._settings = valid_settings(dict(rows[0]) if rows else {})
                cached = self._settings
        return deepcopy(cached)

    def preferences(self) -> Settings:
        """Every setting, the saved value where it passes and the default elsewhere."""
        return Settings.model_validate(self.settings())

    def set_setting(self, key: str, value: Any) -> None:
        """Save one setting; SettingRefused (a ValueError) when the Settings model refuses it."""
        value = check_setting(key, value)
        _encode(value)  # a value JSON cannot hold is refused before it reaches the table
        with self.lock:
            self.refresh()
            self._db.table("settings").upsert(Document({key: value}, doc_id=1))
            self._settings = None
            self._notify()


_ALL_SET = {model: set(model.model_fields) for model in (Episode, PainReading)}


def _slim(episode: Episode) -> Episode:
    """Share one "fields set" among the models that have every field set (almost all of them).

    pydantic gives each model its own set of the field names it was given: 1.5 kB an episode,
    74 MB of 50,000. pydantic only ever adds to that set (on assignment) or copies it (model_copy),
    and adding a name to the set of all names changes nothing, so sharing it is safe.
    """
    for model in (episode, *episode.pain):
        full = _ALL_SET[type(model)]
        if model.__pydantic_fields_set__ == full:
            object.__setattr__(model, "__pydantic_fields_set__", full)
    return episode


def _free(rows: dict[int, str], key: str) -> int:
    """The row's doc id, or the next free one when another spelling of it ("07", "7") came first."""
    doc_id = int(key)
    return doc_id if doc_id not in rows else max(rows) + 1


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
def _bulk(freeze: bool = False) -> Iterator[None]:
    """The cycle collector waits while thousands of rows are parsed; rescanning them halved an open.

    freeze=True (opening) then moves what exists out of the collector's sight: the rows live as
    long as the log, and otherwise the first collections after opening 50,000 episodes rescanned
    them all, 0.5-0.7 s each, landing on whichever tap came next. Episodes hold no reference
    cycles, so reference counting still frees them when the log lets go.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            if freeze:
                gc.freeze()
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
