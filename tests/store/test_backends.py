"""Where the log's text lives: the atomic file, and browser preferences through a fake."""

from __future__ import annotations

import asyncio
import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.episode import Episode
from app.store import backends
from app.store.backends import FileBackend, PrefsBackend, default_log_path
from app.store.repository import EpisodeLog

T0 = datetime(2024, 3, 1, 8, 30, tzinfo=UTC)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# FileBackend ---------------------------------------------------------------

def test_missing_file_reads_as_none(tmp_path):
    assert FileBackend(tmp_path / "nope" / "episodes.json").read() is None


def test_write_creates_folders_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "deep" / "er" / "episodes.json"
    backend = FileBackend(path)
    backend.write("first")
    backend.write("second ✓ ünïcode")
    assert path.read_text(encoding="utf-8") == "second ✓ ünïcode"
    assert backend.read() == "second ✓ ünïcode"
    assert names(path.parent) == ["episodes.json"]


def test_failed_replace_keeps_original_and_cleans_up(tmp_path, monkeypatch):
    path = tmp_path / "episodes.json"
    backend = FileBackend(path)
    backend.write("the good log")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        backend.write("half a log")
    assert path.read_bytes() == b"the good log"
    assert names(tmp_path) == ["episodes.json"]


def test_failed_write_of_temp_file_keeps_original_and_cleans_up(tmp_path, monkeypatch):
    path = tmp_path / "episodes.json"
    backend = FileBackend(path)
    backend.write("the good log")

    def boom(fd):
        raise OSError("I/O error")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError, match="I/O error"):
        backend.write("new text")
    assert path.read_bytes() == b"the good log"
    assert names(tmp_path) == ["episodes.json"]


def test_quarantine_moves_file_aside_byte_identical(tmp_path):
    path = tmp_path / "episodes.json"
    original = b"\x00not { json \xff at all"
    path.write_bytes(original)
    moved = Path(FileBackend(path).quarantine())
    assert not path.exists()
    assert moved.parent == tmp_path
    assert moved.name.startswith("episodes.json.corrupt-")
    assert moved.read_bytes() == original


def test_quarantine_never_overwrites_an_existing_file(tmp_path, monkeypatch):
    monkeypatch.setattr(backends, "_stamp", lambda: "20240101T000000000000Z")
    path = tmp_path / "episodes.json"
    taken = tmp_path / "episodes.json.corrupt-20240101T000000000000Z"
    taken.write_text("an older corrupt log")
    taken_1 = tmp_path / "episodes.json.corrupt-20240101T000000000000Z-1"
    taken_1.write_text("another older corrupt log")

    path.write_text("today's corrupt log")
    moved = Path(FileBackend(path).quarantine())

    assert moved not in (taken, taken_1)
    assert moved.read_text() == "today's corrupt log"
    assert taken.read_text() == "an older corrupt log"
    assert taken_1.read_text() == "another older corrupt log"
    assert not path.exists()


def test_two_quarantines_in_a_row_keep_both(tmp_path):
    path = tmp_path / "episodes.json"
    backend = FileBackend(path)
    path.write_text("one")
    a = backend.quarantine()
    path.write_text("two")
    b = backend.quarantine()
    assert a != b
    assert {Path(a).read_text(), Path(b).read_text()} == {"one", "two"}


def test_quarantine_works_without_hard_links(tmp_path, monkeypatch):
    monkeypatch.setattr(backends, "_stamp", lambda: "20240101T000000000000Z")

    def no_links(src, dst, **kw):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "episodes.json"
    taken = tmp_path / "episodes.json.corrupt-20240101T000000000000Z"
    taken.write_text("an older corrupt log")
    path.write_text("today's corrupt log")

    moved = Path(FileBackend(path).quarantine())

    assert moved != taken and moved.read_text() == "today's corrupt log"
    assert taken.read_text() == "an older corrupt log"
    assert not path.exists()


def test_failed_quarantine_keeps_the_file_and_leaves_nothing_behind(tmp_path, monkeypatch):
    path = tmp_path / "episodes.json"
    path.write_text("corrupt but precious")

    def boom(src, dst):
        raise OSError("read-only file system")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="read-only"):
        FileBackend(path).quarantine()
    assert names(tmp_path) == ["episodes.json"]
    assert path.read_text() == "corrupt but precious"


def test_open_removes_stale_temp_copies_from_a_killed_write(tmp_path):
    path = tmp_path / "episodes.json"
    FileBackend(path).write("the log")
    stale = tmp_path / ".episodes.json.k1ll3d_x"  # what mkstemp leaves if killed before replace
    stale.write_text("an old copy of private health notes")
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    in_flight = tmp_path / ".episodes.json.wr1t1ng0"  # another writer's temp file, just created
    in_flight.write_text("being written right now")
    unrelated = tmp_path / ".other.json.abcdefgh"
    unrelated.write_text("not ours")
    os.utime(unrelated, (hour_ago, hour_ago))

    assert FileBackend(path).read() == "the log"
    assert names(tmp_path) == [".episodes.json.wr1t1ng0", ".other.json.abcdefgh", "episodes.json"]


def test_default_log_path_honours_flet_app_storage_data(tmp_path, monkeypatch):
    monkeypatch.setenv("FLET_APP_STORAGE_DATA", str(tmp_path))
    assert default_log_path() == tmp_path / "episodes.json"


def test_default_log_path_without_env_is_storage_data_in_project(monkeypatch):
    monkeypatch.delenv("FLET_APP_STORAGE_DATA", raising=False)
    path = default_log_path()
    assert path.name == "episodes.json"
    assert path.parent.parts[-2:] == ("storage", "data")
    assert (path.parents[2] / "main.py").exists()


# PrefsBackend ---------------------------------------------------------------

class FakePrefs:
    """Dict-backed stand-in for ft.SharedPreferences (async get/set)."""

    def __init__(self, data: dict[str, str] | None = None) -> None:
        self.data = dict(data or {})
        self.ops: list[tuple[str, str]] = []
        self.refuse = lambda key: False

    async def get(self, key):
        await asyncio.sleep(0)
        return self.data.get(key)

    async def set(self, key, value):
        await asyncio.sleep(0)
        if self.refuse(key):
            return False
        self.ops.append(("set", key))
        self.data[key] = value
        return True

    async def remove(self, key):
        await asyncio.sleep(0)
        self.ops.append(("remove", key))
        return self.data.pop(key, None) is not None

    async def get_keys(self, prefix):
        return [k for k in self.data if k.startswith(prefix)]

    async def clear(self):  # must never be called: it would wipe other apps' keys too
        raise AssertionError("SharedPreferences.clear() was called")


def stored_ids(text: str) -> set[str]:
    return {row["id"] for row in json.loads(text)["tables"]["episodes"].values()}


def test_prefs_load_reads_existing_log():
    async def scenario():
        first = FakePrefs()
        log = EpisodeLog(await PrefsBackend(first).load())
        log.add(Episode(id="a1", start=T0, triggers=["lifting"]))
        await log.backend.flush()
        again = EpisodeLog(await PrefsBackend(FakePrefs(first.data)).load())
        return again

    again = asyncio.run(scenario())
    assert again.problem is None
    assert [e.id for e in again.newest_first()] == ["a1"]
    assert again.get("a1").triggers == ["lifting"]


def test_prefs_empty_store_loads_as_empty_log():
    async def scenario():
        return EpisodeLog(await PrefsBackend(FakePrefs()).load())

    log = asyncio.run(scenario())
    assert log.problem is None and len(log) == 0


def test_prefs_write_through_after_flush_in_order():
    prefs = FakePrefs({"other.app": "keep me"})

    async def scenario():
        backend = await PrefsBackend(prefs).load()
        log = EpisodeLog(backend)
        log.add(Episode(id="a1", start=T0))
        log.add(Episode(id="a2", start=T0))
        log.delete("a1")
        await backend.flush()

    asyncio.run(scenario())
    assert stored_ids(prefs.data["spasmsos.log"]) == {"a2"}
    assert prefs.data["other.app"] == "keep me"


def test_prefs_writes_without_event_loop_wait_for_flush():
    prefs = FakePrefs()
    backend = PrefsBackend(prefs)
    log = EpisodeLog(backend)
    log.add(Episode(id="a1", start=T0))
    assert backend.read() is not None and "spasmsos.log" not in prefs.data
    asyncio.run(backend.flush())
    assert stored_ids(prefs.data["spasmsos.log"]) == {"a1"}


def test_prefs_quarantine_copies_old_text_and_never_clears():
    prefs = FakePrefs({"spasmsos.log": "{broken", "spasmsos.other": "x"})

    async def scenario():
        backend = await PrefsBackend(prefs).load()
        log = EpisodeLog(backend)
        await backend.flush()
        return log

    log = asyncio.run(scenario())
    assert log.problem is not None and len(log) == 0
    moved = log.problem.moved_to
    assert moved.startswith("spasmsos.log.corrupt-")
    assert moved in log.problem.message
    assert prefs.data[moved] == "{broken"
    assert prefs.data["spasmsos.other"] == "x"


def test_prefs_new_log_after_quarantine_keeps_the_copy():
    prefs = FakePrefs({"spasmsos.log": "[1, 2, 3]"})

    async def scenario():
        backend = await PrefsBackend(prefs).load()
        log = EpisodeLog(backend)
        log.add(Episode(id="fresh", start=T0))
        await backend.flush()
        return log

    log = asyncio.run(scenario())
    moved = log.problem.moved_to
    # the copy is written before the new log replaces the key
    assert prefs.ops.index(("set", moved)) < prefs.ops.index(("set", "spasmsos.log"))
    assert prefs.data[moved] == "[1, 2, 3]"
    assert stored_ids(prefs.data["spasmsos.log"]) == {"fresh"}


def test_prefs_quarantine_removes_the_original_key_after_the_copy():
    prefs = FakePrefs({"spasmsos.log": "{broken", "spasmsos.other": "x"})

    async def scenario():
        backend = await PrefsBackend(prefs).load()
        log = EpisodeLog(backend)
        await backend.flush()
        again = EpisodeLog(await PrefsBackend(prefs).load())
        await again.backend.flush()
        return log, again

    log, again = asyncio.run(scenario())
    moved = log.problem.moved_to
    assert prefs.ops == [("set", moved), ("remove", "spasmsos.log")]
    assert prefs.data == {moved: "{broken", "spasmsos.other": "x"}
    # the next start finds no log: nothing to report, no second copy
    assert again.problem is None and len(again) == 0
    assert prefs.ops == [("set", moved), ("remove", "spasmsos.log")]


def test_prefs_original_key_stays_until_the_copy_is_stored():
    prefs = FakePrefs({"spasmsos.log": "{broken"})
    prefs.refuse = lambda key: ".corrupt-" in key

    async def scenario():
        backend = await PrefsBackend(prefs).load()
        log = EpisodeLog(backend)
        with pytest.raises(OSError):
            await backend.flush()
        assert prefs.data == {"spasmsos.log": "{broken"}
        prefs.refuse = lambda key: False
        await backend.flush()
        return log

    moved = asyncio.run(scenario()).problem.moved_to
    assert prefs.data == {moved: "{broken"}
    assert prefs.ops == [("set", moved), ("remove", "spasmsos.log")]
