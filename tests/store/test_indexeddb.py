"""The browser log over IndexedDB: acknowledged only when stored, never lost between windows."""

from __future__ import annotations

import asyncio
import json
import random
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.episode import Episode
from app.store.backends import PrefsBackend
from app.store.indexeddb import EMPTY, IndexedDBBackend, Refused, StorageStatus, _reason
from app.store.repository import EpisodeLog
from app.store.transfer import export_json

T0 = datetime(2024, 3, 1, 8, 30, tzinfo=UTC)


class Origin:
    """One site's IndexedDB record and moved-aside copies, shared by every window's FakeDatabase."""

    def __init__(self, main: dict | None = None) -> None:
        self.main = main  # {"rev": int, "text": str}
        self.asides: dict[str, str] = {}
        self.windows: list[FakeDatabase] = []
        self.refuse: str | None = None  # the DOMException name every readwrite transaction fails with

    def ids(self) -> set[str]:
        return {r["id"] for r in json.loads(self.main["text"])["tables"].get("episodes", {}).values()}


class FakeDatabase:
    """The JavaScript side of one window: each call completes on a later turn of the loop."""

    def __init__(self, origin: Origin, jitter: random.Random | None = None) -> None:
        self.origin, self.jitter = origin, jitter
        self.heard = None
        self.gate: asyncio.Event | None = None  # when set by a test, swaps wait for it
        self.swaps = 0
        origin.windows.append(self)

    async def _turn(self) -> None:
        for _ in range(self.jitter.randint(0, 3) if self.jitter else 1):
            await asyncio.sleep(0)

    async def _commit(self) -> None:
        await self._turn()
        if self.origin.refuse:
            raise Refused(_reason(self.origin.refuse, "the write was refused"))

    async def load(self):
        rev, text = await self.read()
        return rev, text, dict(self.origin.asides)

    async def read(self):
        await self._turn()
        main = self.origin.main
        return (main["rev"], main["text"]) if main else (0, None)

    async def swap(self, expected, rev, text):
        if self.gate is not None:
            await self.gate.wait()
        await self._turn()
        main = self.origin.main  # read and put in one transaction: nothing runs in between
        now = main["rev"] if main else 0
        if now != expected:
            return False, now, main["text"] if main else None
        if self.origin.refuse:
            await self._commit()
        self.swaps += 1
        self.origin.main = {"rev": rev, "text": text}
        await self._turn()  # the complete event comes later
        return True, rev, None

    async def quarantine(self, expected, rev, key, text):
        await self._commit()
        self.origin.asides[key] = text
        if self.origin.main and self.origin.main["rev"] == expected:
            self.origin.main = {"rev": rev, "text": EMPTY}
            return True
        return False

    async def put_aside(self, key, text):
        await self._commit()
        self.origin.asides[key] = text

    async def remove_asides(self):
        await self._commit()
        self.origin.asides.clear()

    async def status(self):
        return StorageStatus(persisted=True, used=2048, quota=10_000)

    def announce(self, rev):
        for window in self.origin.windows:
            if window is not self and window.heard:
                asyncio.get_running_loop().call_soon(window.heard)

    def listen(self, heard):
        self.heard = heard


async def window(origin: Origin, **kw) -> EpisodeLog:
    """Open the log as a new window of the app would."""
    backend = await IndexedDBBackend(FakeDatabase(origin, **kw)).load()
    log = EpisodeLog(backend)
    backend.attach(log)
    return log


async def settle(*logs: EpisodeLog) -> None:
    for _ in range(20):
        for log in logs:
            await log.backend.flush()
        await asyncio.sleep(0)
        if all(log.backend._task is None or log.backend._task.done() for log in logs):
            return


def ep(i: int | str, **kw) -> Episode:
    n = i if isinstance(i, int) else 0
    return Episode(id=str(i), start=T0 + timedelta(hours=n), **kw)


def test_a_write_is_saved_only_once_its_transaction_completes():
    async def scenario():
        origin = Origin()
        log = await window(origin)
        log.backend._db.gate = asyncio.Event()
        log.add(ep(1))
        await asyncio.sleep(0.01)
        assert origin.main is None and not log.saved
        log.backend._db.gate.set()
        await settle(log)
        assert origin.ids() == {"1"} and log.saved and log.save_error is None

    asyncio.run(scenario())


def test_writes_made_while_one_is_stored_go_in_one_transaction():
    async def scenario():
        origin = Origin()
        log = await window(origin)
        db = log.backend._db
        db.gate = asyncio.Event()
        log.add(ep(0))
        await asyncio.sleep(0.01)  # its transaction is under way
        for i in range(1, 10):
            log.add(ep(i))
        db.gate.set()
        await settle(log)
        assert origin.ids() == {str(i) for i in range(10)}
        assert db.swaps == 2 and log.saved

    asyncio.run(scenario())


@pytest.mark.parametrize("seed", range(5))
def test_two_windows_writing_in_turns_keep_all_100_entries(seed):
    async def scenario():
        origin = Origin()
        a = await window(origin, jitter=random.Random(seed))
        b = await window(origin, jitter=random.Random(seed + 100))
        rng = random.Random(seed)
        for i in range(50):
            a.add(ep(f"a{i}"))
            b.add(ep(f"b{i}"))
            for _ in range(rng.randint(0, 4)):
                await asyncio.sleep(0)
        await settle(a, b)
        wanted = {f"a{i}" for i in range(50)} | {f"b{i}" for i in range(50)}
        assert origin.ids() == wanted
        reopened = await window(origin)
        assert {e.id for e in reopened.newest_first()} == wanted
        assert {e.id for e in a.newest_first()} == {e.id for e in b.newest_first()} == wanted
        assert a.saved and b.saved

    asyncio.run(scenario())


def test_a_window_shows_what_another_window_stored():
    async def scenario():
        origin = Origin()
        a, b = await window(origin), await window(origin)
        told = []
        b.listeners.append(lambda: told.append(len(b)))
        a.add(ep(1, notes="from the installed app"))
        await settle(a, b)
        assert "1" in b and b.get("1").notes == "from the installed app"
        assert told and told[-1] == 1

    asyncio.run(scenario())


def test_a_delete_in_one_window_and_an_add_in_another_both_hold():
    async def scenario():
        origin = Origin()
        a = await window(origin)
        a.add_many([ep(1), ep(2)])
        await settle(a)
        b = await window(origin)
        b.backend._db.gate = asyncio.Event()
        b.add(ep(3))  # b's write waits while a deletes
        a.delete("1")
        await settle(a)
        b.backend._db.gate.set()
        await settle(a, b)
        assert origin.ids() == {"2", "3"}
        assert sorted(e.id for e in a.newest_first()) == ["2", "3"]

    asyncio.run(scenario())


def test_settled_returns_once_the_browser_has_stored_or_refused_the_write():
    async def scenario():
        origin = Origin()
        log = await window(origin)
        log.add(ep(1))
        assert not log.saved  # handed to the browser, not yet stored
        await log.settled()
        assert log.saved and origin.ids() == {"1"}
        origin.refuse = "QuotaExceededError"
        log.clear()
        await log.settled()
        assert not log.saved and log.save_error and origin.ids() == {"1"}

    asyncio.run(scenario())


def test_a_refused_write_says_not_saved_keeps_the_entry_and_is_stored_by_a_later_write():
    async def scenario():
        origin = Origin()
        log = await window(origin)
        log.add(ep(1))
        await settle(log)
        origin.refuse = "QuotaExceededError"
        log.add(ep(2, notes="kept in memory"))
        await settle(log)
        assert origin.ids() == {"1"}
        assert not log.saved
        assert log.save_error == ("Not saved: the browser's storage for this app is full. "
                                  "Export now to keep a copy.")
        assert "kept in memory" in export_json(log)
        log.add(ep(3))
        await settle(log)
        assert origin.ids() == {"1"} and not log.saved  # still refused: still said
        origin.refuse = None
        log.add(ep(4))
        await settle(log)
        assert origin.ids() == {"1", "2", "3", "4"}
        assert log.saved and log.save_error is None

    asyncio.run(scenario())


def test_any_refusal_is_reported_in_words():
    assert _reason("InvalidStateError", "The database connection is closing.") == (
        "the browser's storage is not available (InvalidStateError)")
    assert _reason("AbortError", "") == "the browser refused to store it (AbortError)"


def test_an_evicted_record_is_written_back_from_memory():
    async def scenario():
        origin = Origin()
        log = await window(origin)
        log.add(ep(1))
        await settle(log)
        origin.main = None  # the browser evicted the site's data
        log.add(ep(2))
        await settle(log)
        assert origin.ids() == {"1", "2"} and log.saved

    asyncio.run(scenario())


def test_an_unreadable_record_is_moved_aside_once_and_delete_all_removes_it():
    async def scenario():
        origin = Origin({"rev": 4, "text": "{not json"})
        log = await window(origin)
        await settle(log)
        assert log.problem is not None and len(log) == 0
        assert list(origin.asides.values()) == ["{not json"]
        assert log.problem.moved_to in origin.asides
        assert origin.main == {"rev": 5, "text": EMPTY}
        again = await window(origin)
        assert again.problem is None and again.moved_aside() == log.moved_aside()
        log.add(ep(1))
        await settle(log)
        assert origin.ids() == {"1"}
        again.clear()
        await settle(log, again)
        assert origin.asides == {} and again.moved_aside() == []
        assert origin.ids() == set()

    asyncio.run(scenario())


def test_delete_all_leaves_no_episode_note_or_setting_in_any_window():
    async def scenario():
        origin = Origin()
        a, b = await window(origin), await window(origin)
        a.add(ep(1, notes="private"))
        a.set_setting("theme", "dark")
        await settle(a, b)
        b.clear()
        await settle(a, b)
        doc = json.loads(origin.main["text"])
        assert doc["tables"].get("episodes", {}) == {} and "settings" not in doc["tables"]
        assert "private" not in origin.main["text"] and len(a) == 0

    asyncio.run(scenario())


def test_storage_status_is_what_the_browser_says():
    async def scenario():
        backend = await IndexedDBBackend(FakeDatabase(Origin())).load()
        return await backend.storage_status()

    status = asyncio.run(scenario())
    assert (status.persisted, status.used, status.quota, status.available) == (True, 2048, 10_000, 7952)
    assert StorageStatus(None, None, None).available is None


# migration from localStorage ----------------------------------------------------

class FakePrefs:
    """ft.SharedPreferences as the old PrefsBackend used it; clear() must never be called."""

    def __init__(self, data: dict[str, str]) -> None:
        self.data = dict(data)

    async def get(self, key):
        return self.data.get(key)

    async def set(self, key, value):
        self.data[key] = value
        return True

    async def get_keys(self, prefix):
        return [k for k in self.data if k.startswith(prefix)]

    async def remove(self, key):
        return self.data.pop(key, None) is not None

    async def clear(self):
        raise AssertionError("SharedPreferences.clear() was called")


def legacy_prefs() -> FakePrefs:
    """What an existing user has: a log written by the old localStorage backend, and a bad copy."""
    prefs = FakePrefs({"spasmsos.log": "{broken", "other.app": "keep"})

    async def scenario():
        old = EpisodeLog(await PrefsBackend(prefs).load())  # moves the broken log aside
        old.add_many([ep(i, notes=f"note {i}") for i in range(30)])
        old.set_setting("theme", "dark")
        await old.backend.flush()

    asyncio.run(scenario())
    return prefs


def test_the_old_localstorage_log_moves_over_with_every_entry_and_then_goes():
    prefs = legacy_prefs()
    old_text = prefs.data["spasmsos.log"]
    old_copy = next(k for k in prefs.data if ".corrupt-" in k)

    async def scenario():
        origin = Origin()
        backend = await IndexedDBBackend(FakeDatabase(origin)).load()
        assert await backend.migrate(prefs)
        log = EpisodeLog(backend)
        backend.attach(log)
        return origin, log

    origin, log = asyncio.run(scenario())
    assert origin.main["text"] == old_text
    assert len(log) == 30 and log.get("7").notes == "note 7" and log.settings() == {"theme": "dark"}
    assert list(origin.asides.values()) == ["{broken"] and log.moved_aside()
    assert prefs.data == {"other.app": "keep"}
    assert old_copy.startswith("spasmsos.log.corrupt-")


def test_a_refused_migration_keeps_the_old_key_and_shows_the_entries():
    prefs = legacy_prefs()
    before = dict(prefs.data)

    async def scenario():
        origin = Origin()
        origin.refuse = "QuotaExceededError"
        backend = await IndexedDBBackend(FakeDatabase(origin)).load()
        assert not await backend.migrate(prefs)
        return origin, EpisodeLog(backend)

    origin, log = asyncio.run(scenario())
    assert prefs.data == before
    assert origin.main is None and len(log) == 30


def test_an_old_log_written_after_the_migration_is_merged_in_never_replacing_the_new_one():
    prefs = legacy_prefs()  # e.g. a tab still running the old version wrote it again

    async def scenario():
        origin = Origin()
        first = await window(origin)
        first.add(ep("new"))
        first.set_setting("region", "ie")
        await settle(first)
        backend = await IndexedDBBackend(FakeDatabase(origin)).load()
        assert await backend.migrate(prefs)
        log = EpisodeLog(backend)
        return origin, log

    origin, log = asyncio.run(scenario())
    assert origin.ids() == {"new"} | {str(i) for i in range(30)}
    assert log.get("3").notes == "note 3" and log.settings() == {"region": "ie", "theme": "dark"}
    assert prefs.data == {"other.app": "keep"}


def test_an_unreadable_old_log_is_kept_aside_when_a_log_is_already_here():
    prefs = FakePrefs({"spasmsos.log": "[1, 2"})

    async def scenario():
        origin = Origin()
        first = await window(origin)
        first.add(ep("new"))
        await settle(first)
        backend = await IndexedDBBackend(FakeDatabase(origin)).load()
        assert await backend.migrate(prefs)
        return origin, EpisodeLog(backend)

    origin, log = asyncio.run(scenario())
    assert origin.ids() == {"new"} and list(origin.asides.values()) == ["[1, 2"]
    assert log.moved_aside() and prefs.data == {}


def test_an_unreadable_copy_stored_by_another_window_is_kept_aside_and_ours_stored_again():
    async def scenario():
        origin = Origin()
        a = await window(origin)
        a.add(ep(1, notes="mine"))
        await settle(a)
        damaged = origin.main["text"][:-9]  # another window's write cut short
        origin.main = {"rev": origin.main["rev"] + 1, "text": damaged}
        a.backend._hear()  # that window announced it
        await settle(a)
        assert list(origin.asides.values()) == [damaged]  # their copy kept, never overwritten
        assert origin.ids() == {"1"} and a.get("1").notes == "mine"  # ours stored again
        assert a.problem is not None and "your entries are safe" in a.problem.message

    asyncio.run(scenario())
