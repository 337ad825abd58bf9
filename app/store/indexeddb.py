"""The browser log in IndexedDB: one record written by compare-and-swap, shared by every window."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from app.store.repository import FORMAT, SCHEMA, EpisodeLog

# Read by the pre-boot page too: keep this layout. store["main"] = {rev: int, text: str}.
DB_NAME, STORE, KEY = "spasm-sos", "log", "main"
ASIDE = "corrupt-"  # store[ASIDE + time] = {text: str}: a log that could not be read, kept
LEGACY_KEY = "spasmsos.log"  # the old localStorage log (ft.SharedPreferences key)
EMPTY = json.dumps({"format": FORMAT, "schema": SCHEMA, "tables": {}}, separators=(",", ":"))


@dataclass(frozen=True)
class StorageStatus:
    """What Settings shows about the browser's storage; None where the browser would not say."""

    persisted: bool | None
    used: int | None  # bytes this site uses
    quota: int | None  # bytes this site may use

    @property
    def available(self) -> int | None:
        return None if self.used is None or self.quota is None else max(self.quota - self.used, 0)


class Refused(Exception):
    """The browser did not store it; str() is a reason a person can read."""


class Database(Protocol):
    """The JavaScript side: IndexedDB, BroadcastChannel and navigator.storage (faked in tests)."""

    async def load(self) -> tuple[int, str | None, dict[str, str]]: ...
    async def swap(self, expected: int, rev: int, text: str) -> tuple[bool, int, str | None]: ...
    async def quarantine(self, expected: int, rev: int, key: str, text: str) -> bool: ...
    async def put_aside(self, key: str, text: str) -> None: ...
    async def remove_asides(self) -> None: ...
    async def read(self) -> tuple[int, str | None]: ...
    async def status(self) -> StorageStatus: ...
    def announce(self, rev: int) -> None: ...
    def listen(self, heard: Callable[[], None]) -> None: ...


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


class IndexedDBBackend:
    """TinyDB's storage in the browser. Call `await load()`, then `attach(log)`.

    write() only queues: one task stores the latest text in one readwrite transaction that puts
    {rev+1, text} only if the stored rev is still the one our copy is based on. Otherwise the
    newer copy is merged into the log (log.absorb, which may write again) and the write retried.
    log.confirmed(text) follows the transaction's complete event; a refused transaction calls
    log.failed(reason), and the changes stay in memory until a later write stores them.
    """

    asynchronous = True

    def __init__(self, db: Database | None = None, name: str = DB_NAME) -> None:
        self._db, self.name = db, name
        self._log = None
        self._text: str | None = None  # the latest text, stored or not
        self._rev = 0  # the stored rev our copy is based on
        self._asides: dict[str, str] = {}
        self._wanted: str | None = None  # text still to store
        self._moves: list[Callable[[], Awaitable[None]]] = []  # aside changes, stored first
        self._heard = False  # another window stored something
        self._task: asyncio.Task | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def load(self) -> IndexedDBBackend:
        if self._db is None:
            self._db = BrowserDatabase(self.name)
        self._loop = asyncio.get_running_loop()
        self._rev, self._text, self._asides = await self._db.load()
        self._db.listen(self._hear)
        return self

    def attach(self, log) -> None:
        """The log to confirm writes to, tell of refusals, and merge other windows' copies into."""
        self._log = log

    # Backend protocol
    def read(self) -> str | None:
        return self._text

    def newer(self) -> str | None:
        return None  # other windows' copies arrive through the channel and log.absorb

    def write(self, text: str) -> None:
        self._text = self._wanted = text
        self._kick()

    def quarantine(self) -> str:
        key, text, rev = f"{ASIDE}{_stamp()}", self._text or "", self._rev
        self._asides[key], self._text = text, None

        async def move() -> None:
            if await self._db.quarantine(rev, rev + 1, key, text) and self._rev == rev:
                self._rev = rev + 1
        self._moves.append(move)
        self._kick()
        return key

    def keep_aside(self, text: str) -> str:
        """Keep a copy another window stored that cannot be read, under a new key; returns the key.

        Queued before any write, so ours never replaces theirs until their copy is kept.
        """
        key = f"{ASIDE}{_stamp()}"
        self._asides[key] = text

        async def put() -> None:
            await self._db.put_aside(key, text)
        self._moves.append(put)
        self._kick()
        return key

    def aside(self) -> list[str]:
        return sorted(self._asides)

    def remove_aside(self) -> None:
        self._asides.clear()
        self._moves.append(self._db.remove_asides)
        self._kick()

    async def storage_status(self) -> StorageStatus:
        """Whether the browser keeps this site's data when space runs low, and the space used."""
        return await self._db.status()

    async def flush(self) -> None:
        """Wait until the queue is empty: all stored, or given up after a refusal."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)

    # migration from the localStorage log
    async def migrate(self, prefs, key: str = LEGACY_KEY) -> bool:
        """Move the old localStorage log and its moved-aside copies here; True when any moved.

        `prefs` is ft.SharedPreferences (async get, get_keys, remove). Call before the log opens.
        An old key is removed only once its text has been stored here and read back equal.
        """
        moved = False
        old = await prefs.get(key)
        if isinstance(old, str) and await self._take_in(old):
            moved = bool(await prefs.remove(key))
        prefix = f"{key}.corrupt-"
        for old_key in await prefs.get_keys(prefix):
            copy = await prefs.get(old_key)
            if isinstance(copy, str) and await self._keep_aside(ASIDE + old_key.removeprefix(prefix),
                                                                copy):
                moved = bool(await prefs.remove(old_key)) or moved
        return moved

    async def _take_in(self, old: str) -> bool:
        """Store the old log here (merged with one already here); True once it reads back."""
        if self._text is None:
            text = old
        elif self._text == old:
            return True
        else:  # an old version of the app wrote it after an earlier migration
            text = _union(self._text, old)
            if text is None:
                return await self._keep_aside(f"{ASIDE}{_stamp()}", old)
        try:
            await self._db.swap(self._rev, self._rev + 1, text)
            rev, back = await self._db.read()  # ours, or another window's migration of it
        except Refused:
            if self._text is None:
                self._text = old  # shown from memory; the old key stays for the next start
            return False
        self._rev, self._text = rev, back
        return back == text

    async def _keep_aside(self, key: str, text: str) -> bool:
        try:
            await self._db.put_aside(key, text)
            stored = (await self._db.load())[2].get(key)
        except Refused:
            return False
        if stored == text:
            self._asides[key] = text
        return stored == text

    # the queue: one task, so transactions never overlap
    def _kick(self) -> None:
        if self._loop is None:
            try:
                self._loop = asyncio.get_running_loop()
            except RuntimeError:
                return  # no loop yet: flush() stores it
        if self._task is None or self._task.done():
            self._task = self._loop.create_task(self._drain())

    def _hear(self, *_args) -> None:
        self._heard = True
        self._kick()

    async def _drain(self) -> None:
        while self._moves or self._wanted is not None or self._heard:
            try:
                if self._moves:
                    await self._moves[0]()
                    self._moves.pop(0)
                elif self._wanted is not None:
                    await self._store(self._wanted)
                else:
                    self._heard = False
                    rev, text = await self._db.read()
                    if rev != self._rev:
                        self._take(rev, text)
            except Refused as exc:
                if self._log is not None:
                    self._log.failed(str(exc))
                return

    async def _store(self, text: str) -> None:
        self._wanted, self._heard = None, False  # the swap sees any newer copy anyway
        try:
            stored, rev, newer = await self._db.swap(self._rev, self._rev + 1, text)
        except Refused:
            if self._wanted is None:
                self._wanted = text  # kept for the next write, or the next drain
            raise
        if stored:
            self._rev = rev
            self._db.announce(rev)
            if self._log is not None:
                self._log.confirmed(text)
            return
        if self._wanted is None:
            self._wanted = text
        self._take(rev, newer)

    def _take(self, rev: int, text: str | None) -> None:
        """Base our copy on the stored one (rev): merge it into the log, queue what is then ours."""
        self._rev = rev
        if text is None:  # the record is gone (storage evicted): ours goes back
            if self._wanted is None:
                self._wanted = self._text
            return
        if self._log is None:
            return
        mine, self._wanted = self._wanted, None
        changed = self._log.absorb(text)  # may write() the merged text, which queues it
        if self._wanted is not None:
            return
        if not changed:
            self._wanted = self._text if mine is not None else None  # ours holds all of theirs
        else:
            self._text = text  # the merge is their copy: nothing of ours is left to store


def _union(ours: str, theirs: str) -> str | None:
    """Both logs' episodes and settings (by id; a changed episode keeps its newer version)."""
    from app.store.backends import MemoryBackend
    from app.store.transfer import ImportRejected, export_json, import_json

    mine, old = EpisodeLog(MemoryBackend(ours)), EpisodeLog(MemoryBackend(theirs))
    if mine.problem or old.problem or old.invalid_rows():
        return None
    try:
        import_json(mine, export_json(old))
    except ImportRejected:
        return None
    for name, value in old.settings().items():
        if name not in mine.settings():
            mine.set_setting(name, value)
    return mine.backend.text


def _reason(name: str, message: str) -> str:
    if name == "QuotaExceededError":
        return "the browser's storage for this app is full"
    if name in ("InvalidStateError", "UnknownError", "NotFoundError"):
        return f"the browser's storage is not available ({name})"
    return f"the browser refused to store it ({name or 'error'}{': ' + message if message else ''})"


# Results use undefined, never null: Pyodide turns null into JsNull, undefined into None.
_JS = r"""
(() => {
  const DB = %(db)s, STORE = %(store)s, KEY = %(key)s, ASIDE = %(aside)s;
  const asides = () => IDBKeyRange.bound(ASIDE, ASIDE + "\uffff");
  let connection = null;
  function open() {
    if (!connection) {
      connection = new Promise((resolve, reject) => {
        const req = indexedDB.open(DB, 1);
        req.onupgradeneeded = () => req.result.createObjectStore(STORE);
        req.onsuccess = () => {
          const db = req.result;
          db.onversionchange = () => { db.close(); connection = null; };
          db.onclose = () => { connection = null; };
          resolve(db);
        };
        req.onerror = () => reject(req.error);
      });
      connection.catch(() => { connection = null; });
    }
    return connection;
  }
  // One transaction; resolves ["ok", result] after "complete", or ["error", name, message].
  async function run(mode, body) {
    try {
      const db = await open();
      return await new Promise((resolve) => {
        let result, thrown = null;
        const tx = db.transaction(STORE, mode, {durability: "strict"});
        const fail = (e) => resolve(["error", (e && e.name) || "Error", (e && e.message) || String(e)]);
        tx.oncomplete = () => resolve(["ok", result]);
        tx.onabort = () => fail(thrown || tx.error || new DOMException("aborted", "AbortError"));
        const guard = (fn) => (...args) => {
          try { fn(...args); } catch (e) { thrown = e; try { tx.abort(); } catch (_) {} }
        };
        guard(body)(tx.objectStore(STORE), (value) => { result = value; }, guard);
      });
    } catch (e) {
      connection = null;
      return ["error", (e && e.name) || "Error", (e && e.message) || String(e)];
    }
  }
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(%(channel)s) : null;
  return {
    load: () => run("readonly", (store, done, guard) => {
      const main = store.get(KEY), keys = store.getAllKeys(asides()), rows = store.getAll(asides());
      rows.onsuccess = guard(() => done([main.result ? main.result.rev : 0,
        main.result ? main.result.text : undefined, keys.result, rows.result.map((r) => r.text)]));
    }),
    read: () => run("readonly", (store, done, guard) => {
      const main = store.get(KEY);
      main.onsuccess = guard(() => done(main.result ? [main.result.rev, main.result.text] : [0, undefined]));
    }),
    swap: (expected, rev, text) => run("readwrite", (store, done, guard) => {
      const main = store.get(KEY);
      main.onsuccess = guard(() => {
        const now = main.result ? main.result.rev : 0;
        if (now !== expected) { done([false, now, main.result ? main.result.text : undefined]); return; }
        store.put({rev, text}, KEY);
        done([true, rev, undefined]);
      });
    }),
    quarantine: (expected, rev, key, text, empty) => run("readwrite", (store, done, guard) => {
      store.put({text}, key);
      const main = store.get(KEY);
      main.onsuccess = guard(() => {
        const replace = !!main.result && main.result.rev === expected;
        if (replace) store.put({rev, text: empty}, KEY);
        done(replace);
      });
    }),
    putAside: (key, text) => run("readwrite", (store) => { store.put({text}, key); }),
    removeAsides: () => run("readwrite", (store) => { store.delete(asides()); }),
    status: async () => {
      const s = navigator.storage;
      let persisted, usage, quota;
      try { persisted = await s.persisted(); } catch (_) {}
      try { ({usage, quota} = await s.estimate()); } catch (_) {}
      return [persisted, usage, quota];
    },
    announce: (rev) => { if (channel) channel.postMessage({rev}); },
    listen: (heard) => { if (channel) channel.onmessage = () => heard(); },
  };
})()
"""


class BrowserDatabase:
    """The real JavaScript side, reached through Pyodide's `js` (only in the browser worker)."""

    def __init__(self, name: str = DB_NAME) -> None:
        from pyodide.code import run_js

        args = {"db": name, "store": STORE, "key": KEY, "aside": ASIDE, "channel": name}
        self._js = run_js(_JS % {k: json.dumps(v) for k, v in args.items()})
        self._listener = None

    @staticmethod
    def _result(reply) -> object:
        status, *rest = reply.to_py()
        if status != "ok":
            raise Refused(_reason(*rest))
        return rest[0]

    async def load(self) -> tuple[int, str | None, dict[str, str]]:
        rev, text, keys, texts = self._result(await self._js.load())
        return int(rev), text, dict(zip(keys, texts, strict=True))

    async def read(self) -> tuple[int, str | None]:
        rev, text = self._result(await self._js.read())
        return int(rev), text

    async def swap(self, expected: int, rev: int, text: str) -> tuple[bool, int, str | None]:
        stored, now, newer = self._result(await self._js.swap(expected, rev, text))
        return bool(stored), int(now), newer

    async def quarantine(self, expected: int, rev: int, key: str, text: str) -> bool:
        return bool(self._result(await self._js.quarantine(expected, rev, key, text, EMPTY)))

    async def put_aside(self, key: str, text: str) -> None:
        self._result(await self._js.putAside(key, text))

    async def remove_asides(self) -> None:
        self._result(await self._js.removeAsides())

    async def status(self) -> StorageStatus:
        persisted, used, quota = (await self._js.status()).to_py()
        return StorageStatus(persisted, None if used is None else int(used),
                             None if quota is None else int(quota))

    def announce(self, rev: int) -> None:
        self._js.announce(rev)

    def listen(self, heard: Callable[[], None]) -> None:
        from pyodide.ffi import create_proxy

        self._listener = create_proxy(heard)  # kept: the channel calls it for the page's life
        self._js.listen(self._listener)
