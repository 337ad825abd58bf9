"""The episode log as the person sees it: entries kept, ordered, paged, and never lost."""

from __future__ import annotations

import gc
import json
import os
import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.domain.episode import Episode, PainReading
from app.store import repository
from app.store.backends import FileBackend, MemoryBackend
from app.store.repository import EpisodeLog

T0 = datetime(2024, 3, 1, 8, 30, tzinfo=UTC)


def ep(id: str, hours: float = 0, *, end: float | None = 1.0, **kw) -> Episode:
    start = T0 + timedelta(hours=hours)
    return Episode(id=id, start=start, end=None if end is None else start + timedelta(hours=end),
                   pain=[PainReading(at=start, score=7), PainReading(at=start + timedelta(minutes=20),
                                                                     score=4)], **kw)


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "episodes.json"


def open_log(path: Path) -> EpisodeLog:
    log = EpisodeLog(FileBackend(path))
    assert log.problem is None
    return log


def ids(episodes) -> list[str]:
    return [e.id for e in episodes]


# everyday use -------------------------------------------------------------

def test_add_then_get_returns_what_was_logged(path):
    log = open_log(path)
    log.add(ep("a", triggers=["lifting", "twisting"], helped=["ice-pack"], notes="bent to pick up a box"))
    got = log.get("a")
    assert got.triggers == ["lifting", "twisting"]
    assert got.helped == ["ice-pack"]
    assert got.notes == "bent to pick up a box"
    assert [r.score for r in got.pain] == [7, 4]
    assert "a" in log and len(log) == 1


def test_get_returns_a_copy_that_cannot_change_the_log(path):
    log = open_log(path)
    log.add(ep("a", notes="original"))
    got = log.get("a")
    got.notes = "changed on screen but not saved"
    assert log.get("a").notes == "original"


def test_reopen_from_same_file_gives_same_data(path):
    log = open_log(path)
    log.add_many([ep("a", 0), ep("b", 5, end=None, triggers=["stress"])])
    log.set_setting("theme", "dark")
    again = open_log(path)
    assert ids(again.newest_first()) == ["b", "a"]
    assert again.get("b") == log.get("b")
    assert again.get("a") == log.get("a")
    assert again.settings() == {"theme": "dark"}


def test_file_carries_format_and_schema_version(path):
    open_log(path).add(ep("a"))
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "spasm-sos-log"
    assert doc["schema"] == repository.SCHEMA


def test_update_changes_entry_and_survives_reopen(path):
    log = open_log(path)
    log.add(ep("a", end=None))
    e = log.get("a")
    e.end = e.start + timedelta(minutes=45)
    e.helped = ["heat-pad"]
    log.update(e)
    assert not log.get("a").is_open
    again = open_log(path)
    assert again.get("a").helped == ["heat-pad"]
    assert again.get("a").end == T0 + timedelta(minutes=45)
    assert len(again) == 1


def test_update_of_unknown_episode_raises(path):
    log = open_log(path)
    with pytest.raises(KeyError):
        log.update(ep("ghost"))


def test_update_is_validated_before_writing(path):
    log = open_log(path)
    log.add(ep("a"))
    before = path.read_bytes()
    bad = log.get("a").model_copy(update={"triggers": ["not-a-trigger"]})
    with pytest.raises(ValueError):
        log.update(bad)
    assert path.read_bytes() == before
    assert log.get("a").triggers == []


def test_delete_then_undo_puts_it_back(path):
    log = open_log(path)
    log.add_many([ep("a", 0), ep("b", 1), ep("c", 2)])
    removed = log.delete("b")
    assert "b" not in log and ids(log.newest_first()) == ["c", "a"]
    assert "b" not in open_log(path)
    log.add(removed)
    assert ids(log.newest_first()) == ["c", "b", "a"]
    assert open_log(path).get("b") == removed


def test_delete_unknown_raises_and_changes_nothing(path):
    log = open_log(path)
    log.add(ep("a"))
    with pytest.raises(KeyError):
        log.delete("nope")
    assert ids(open_log(path).newest_first()) == ["a"]


def test_adding_duplicate_id_is_refused(path):
    log = open_log(path)
    log.add(ep("a", notes="first"))
    with pytest.raises(KeyError):
        log.add(ep("a", notes="second"))
    with pytest.raises(KeyError):
        log.add_many([ep("x"), ep("x")])
    assert open_log(path).get("a").notes == "first"
    assert len(open_log(path)) == 1


def test_clear_deletes_episodes_and_settings(path):
    log = open_log(path)
    log.add_many([ep("a"), ep("b", 1)])
    log.set_setting("custom", "0800 123")
    log.clear()
    assert len(log) == 0 and log.newest_first() == [] and log.active() is None
    again = open_log(path)
    assert len(again) == 0
    assert again.settings() == {}
    assert "0800" not in path.read_text(encoding="utf-8")
    log.add(ep("c"))
    assert ids(open_log(path).newest_first()) == ["c"]


def test_newest_first_orders_by_start_across_timezones(path):
    log = open_log(path)
    plus2 = datetime(2024, 3, 1, 14, 0, tzinfo=timezone(timedelta(hours=2)))  # == 12:00Z
    log.add_many([
        Episode(id="noon-utc-plus2", start=plus2),
        Episode(id="eleven-utc", start=datetime(2024, 3, 1, 11, tzinfo=UTC)),
        Episode(id="thirteen-utc", start=datetime(2024, 3, 1, 13, tzinfo=UTC)),
    ])
    assert ids(log.newest_first()) == ["thirteen-utc", "noon-utc-plus2", "eleven-utc"]
    assert ids(open_log(path).newest_first()) == ids(log.newest_first())


def test_newest_first_reflects_later_changes(path):
    log = open_log(path)
    log.add_many([ep("a", 0), ep("b", 1)])
    assert ids(log.newest_first()) == ["b", "a"]
    log.add(ep("c", 0.5))
    assert ids(log.newest_first()) == ["b", "c", "a"]
    moved = log.get("a").model_copy(update={"start": T0 + timedelta(hours=9), "end": None})
    log.update(moved)
    assert ids(log.newest_first()) == ["a", "b", "c"]


def test_paging_walks_history_without_gaps_or_repeats(path):
    log = open_log(path)
    log.add_many([ep(f"e{i:03d}", i) for i in range(45)])
    pages = [log.page(0, 20), log.page(20, 20), log.page(40, 20), log.page(60, 20)]
    assert [len(p) for p in pages] == [20, 20, 5, 0]
    walked = [e.id for p in pages for e in p]
    assert walked == [f"e{i:03d}" for i in range(44, -1, -1)]
    assert ids(log.page()) == walked[:20]


def test_page_returns_copies(path):
    log = open_log(path)
    log.add(ep("a", notes="kept"))
    log.page()[0].notes = "scribble"
    assert log.get("a").notes == "kept"


def test_active_is_latest_open_episode(path):
    log = open_log(path)
    assert log.active() is None
    log.add_many([ep("old-open", 0, end=None), ep("closed", 2), ep("newer-open", 1, end=None)])
    assert log.active().id == "newer-open"
    closed = log.get("newer-open")
    closed.end = closed.start + timedelta(minutes=30)
    log.update(closed)
    assert log.active().id == "old-open"
    log.delete("old-open")
    assert log.active() is None


def test_settings_round_trip(path):
    log = open_log(path)
    assert log.settings() == {}
    log.set_setting("theme", "dark")
    log.set_setting("region", "uk")
    log.set_setting("theme", "light")
    log.set_setting("guide", {"stage": "pain", "names": ["a", "b"]})
    expected = {"theme": "light", "region": "uk", "guide": {"stage": "pain", "names": ["a", "b"]}}
    assert log.settings() == expected
    assert open_log(path).settings() == expected


def test_a_bad_setting_read_back_is_dropped_and_the_default_used(path, caplog):
    path.write_text(json.dumps({"format": "spasm-sos-log", "schema": repository.SCHEMA, "tables": {
        "settings": {"1": {"theme": ["dark"], "country": "AU", "custom": {"number": "112"}}}}}))
    with caplog.at_level("WARNING", logger="spasm_sos"):
        log = open_log(path)
        assert log.settings() == {"country": "AU"}  # the good one is kept
    assert log.preferences().theme == "system" and log.preferences().country == "AU"
    assert "'theme'" in caplog.text and "'custom'" in caplog.text  # noted, not silently lost
    log.set_setting("theme", "dark")  # the person chooses again
    assert open_log(path).settings() == {"country": "AU", "theme": "dark"}


def test_a_setting_the_model_refuses_is_not_saved(path):
    log = open_log(path)
    log.set_setting("theme", "light")
    before = path.read_bytes()
    with pytest.raises(ValueError, match="setting 'theme' refused"):
        log.set_setting("theme", ["dark"])
    assert path.read_bytes() == before and log.settings() == {"theme": "light"}


def test_a_clock_set_back_to_2000_keeps_every_entry_and_says_the_clock_looks_wrong(path, monkeypatch):
    import app.domain.episode as episode_module

    open_log(path).add_many([ep("a"), ep("b", 5)])

    class Clock2000(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2000, 1, 1, 9, 0, tzinfo=UTC).astimezone(tz)

    monkeypatch.setattr(episode_module, "datetime", Clock2000)
    log = open_log(path)
    assert ids(log.newest_first()) == ["b", "a"] and log.invalid_rows() == []
    warning = log.clock_warning(Clock2000.now(UTC))
    assert warning.startswith("Your phone's clock says 01 Jan 2000, but entries were saved as late as")
    assert open_log(path).clock_warning(datetime.now(UTC)) is None  # a right clock says nothing


def test_episodes_opened_from_a_file_stay_independent_after_edits(path):
    """Opened episodes share one set of field names to save memory; no edit may leak through it."""
    open_log(path).add_many([ep("a"), ep("b", 1)])
    log = open_log(path)
    changed = log.get("a")
    changed.notes = "edited"  # pydantic records the assignment in the model's field names
    log.update(changed.model_copy(update={"triggers": ["stress"]}))
    for e in log.newest_first():
        assert e.model_fields_set == set(Episode.model_fields)
    assert log.get("b") == open_log(path).get("b") and log.get("b").notes == ""
    assert open_log(path).get("a").notes == "edited" and open_log(path).get("a").triggers == ["stress"]


def test_memory_backend_works_the_same():
    backend = MemoryBackend()
    log = EpisodeLog(backend)
    log.add(ep("a"))
    assert ids(EpisodeLog(MemoryBackend(backend.text)).newest_first()) == ["a"]


# schema migrations ---------------------------------------------------------

def test_migration_hook_is_applied_on_open(path, monkeypatch):
    open_log(path).add_many([ep("a"), ep("b", 1)])

    def v2_to_v3(doc: dict) -> dict:
        for row in doc["tables"]["episodes"].values():
            row["notes"] = "migrated: " + row["notes"]
        return doc

    monkeypatch.setattr(repository, "SCHEMA", 3)
    monkeypatch.setattr(repository, "MIGRATIONS", {**repository.MIGRATIONS, 2: v2_to_v3})
    log = open_log(path)
    assert log.get("a").notes == "migrated: "
    assert log.get("b").notes == "migrated: "
    log.set_setting("theme", "dark")  # any write stores the new schema
    assert json.loads(path.read_text())["schema"] == 3
    assert open_log(path).get("a").notes == "migrated: "  # not migrated twice


def test_missing_migration_is_moved_aside(path, monkeypatch):
    open_log(path).add(ep("a"))
    original = path.read_bytes()
    monkeypatch.setattr(repository, "SCHEMA", 4)
    monkeypatch.setattr(repository, "MIGRATIONS", {1: lambda doc: doc, 2: lambda doc: doc})  # no 3 -> 4
    log = EpisodeLog(FileBackend(path))
    assert log.problem is not None and "schema version 3" in log.problem.message
    assert Path(log.problem.moved_to).read_bytes() == original
    assert len(log) == 0 and not path.exists()


@pytest.mark.parametrize("migration", [
    lambda doc: doc["tables"]["no such table"],
    lambda doc: 1 / 0,
    lambda doc: None,
    lambda doc: {"tables": "not tables"},
], ids=["key error", "zero division", "returns none", "returns bad tables"])
def test_failing_migration_is_moved_aside(path, monkeypatch, migration):
    open_log(path).add(ep("a"))
    original = path.read_bytes()
    monkeypatch.setattr(repository, "SCHEMA", 3)
    monkeypatch.setattr(repository, "MIGRATIONS", {2: migration})
    log = EpisodeLog(FileBackend(path))
    assert log.problem is not None
    assert Path(log.problem.moved_to).read_bytes() == original
    log.add(ep("fresh"))
    assert ids(open_log(path).newest_first()) == ["fresh"]


def test_newer_schema_than_app_is_moved_aside(path):
    original = json.dumps({"format": "spasm-sos-log", "schema": 3, "tables": {}}).encode()
    path.write_bytes(original)
    log = EpisodeLog(FileBackend(path))
    assert log.problem is not None and "schema" in log.problem.message
    assert Path(log.problem.moved_to).read_bytes() == original


# the written file -----------------------------------------------------------

def _full_encoding(log: EpisodeLog) -> str:
    tables = {name: {str(doc_id): repository._row(text) for doc_id, text in rows.texts.items()}
              for name, rows in log._storage.tables.items()}
    doc = {"format": "spasm-sos-log", "schema": repository.SCHEMA, "tables": tables}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def test_file_is_always_the_full_encoding_of_memory(path):
    """Rows are encoded once and reused; every change must still reach the file exactly."""
    rng = random.Random(7)
    log = open_log(path)
    n = 0
    for step in range(300):
        op = rng.choice(["add", "add", "add_many", "update", "update", "delete", "setting",
                         "clear" if step % 100 == 99 else "reopen"])
        known = ids(log.newest_first())
        if op == "add" or (op in ("update", "delete") and not known):
            n += 1
            log.add(ep(f"e{n}", n, end=rng.choice([None, 1.0]), notes=f"ü {n} \"quoted\""))
        elif op == "add_many":
            log.add_many([ep(f"e{n + i}", n + i) for i in (1, 2, 3)])
            n += 3
        elif op == "update":
            changed = log.get(rng.choice(known))
            changed.notes, changed.end = f"edit {step} ✓", None
            log.update(changed)
        elif op == "delete":
            log.delete(rng.choice(known))
        elif op == "setting":
            log.set_setting(*rng.choice([("theme", "dark"), ("theme", "light"), ("region", f"r{step}")]))
        elif op == "clear":
            log.clear()
        else:
            log = open_log(path) if path.exists() else log
        if path.exists():
            assert path.read_text(encoding="utf-8") == _full_encoding(log), f"step {step}: {op}"
    _assert_memory_matches_file(log, path)


def test_row_changed_in_place_by_tinydb_is_written_anew():
    written = []
    storage = repository._TextStorage({"t": {1: '"1":{"a":1}'}},
                                      lambda texts, _: written.append(repository._document(texts)))
    table = repository._DB(storage=lambda: storage).table("t")
    table.update({"a": 2}, doc_ids=[1])  # TinyDB changes the row it looked up, in place
    table.insert({"b": "ü"})
    assert json.loads(written[-1])["tables"] == {"t": {"1": {"a": 2}, "2": {"b": "ü"}}}
    assert [dict(d) for d in table.all()] == [{"a": 2}, {"b": "ü"}]


# corrupt stores ------------------------------------------------------------

def _good_row() -> dict:
    return ep("ok").model_dump(mode="json")


def _doc(tables) -> bytes:
    return json.dumps({"format": "spasm-sos-log", "schema": repository.SCHEMA, "tables": tables}).encode()


CORRUPT = {
    "truncated": _doc({"episodes": {"1": _good_row()}})[:-7],
    "not json": b"this is not json",
    "empty file": b"",
    "json list": b"[1, 2]",
    "other format": json.dumps({"format": "someone-else", "schema": 1, "tables": {}}).encode(),
    "no format": json.dumps({"_default": {"1": {"a": 1}}}).encode(),
    "unknown schema": json.dumps({"format": "spasm-sos-log", "schema": 99, "tables": {}}).encode(),
    "schema zero": json.dumps({"format": "spasm-sos-log", "schema": 0, "tables": {}}).encode(),
    "schema as text": json.dumps({"format": "spasm-sos-log", "schema": "1", "tables": {}}).encode(),
    "no tables": json.dumps({"format": "spasm-sos-log", "schema": 1}).encode(),
    "episode not an object": _doc({"episodes": {"1": [1, 2, 3]}}),
    "episodes not an object": _doc({"episodes": [_good_row()]}),
    "not utf-8": b'{"format": "spasm-sos-log", "notes": "\xff\xfe"}',
    "non-numeric doc id": _doc({"episodes": {"first": _good_row()}}),
    "settings not an object": _doc({"episodes": {}, "settings": [1]}),
    "deeply nested": b"[" * 100_000,
}

INVALID_ROWS = {
    "pain out of range": _doc({"episodes": {"1": {**_good_row(), "pain": [
        {"at": "2024-03-01T08:30:00Z", "score": 11}]}}}),
    "unknown trigger": _doc({"episodes": {"1": {**_good_row(), "triggers": ["aliens"]}}}),
    "unknown card helped": _doc({"episodes": {"1": {**_good_row(), "helped": ["magic"]}}}),
    "end before start": _doc({"episodes": {"1": {**_good_row(), "end": "2020-01-01T00:00:00Z"}}}),
    "naive datetime": _doc({"episodes": {"1": {**_good_row(), "start": "2024-03-01T08:30:00"}}}),
    "duplicate episode id": _doc({"episodes": {"1": _good_row(), "2": _good_row()}}),
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_unreadable_log_is_moved_aside_and_reported(path, content):
    path.write_bytes(content)
    log = EpisodeLog(FileBackend(path))  # must not crash the app

    assert log.problem is not None
    moved = Path(log.problem.moved_to)
    assert moved.name.startswith("episodes.json.corrupt-")
    assert moved.read_bytes() == content
    assert f"'{moved.name}'" in log.problem.message
    assert str(moved.parent) not in log.problem.message  # the server's folders are not shown
    assert len(log) == 0 and log.newest_first() == [] and log.settings() == {}

    # the person keeps using the app: the new log never touches the old bytes
    log.add(ep("fresh"))
    log.set_setting("theme", "dark")
    assert moved.read_bytes() == content
    assert ids(open_log(path).newest_first()) == ["fresh"]
    corrupt = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert corrupt == [moved]


def test_second_corrupt_log_does_not_replace_first(path):
    path.write_bytes(b"first garbage")
    first = Path(EpisodeLog(FileBackend(path)).problem.moved_to)
    path.write_bytes(b"second garbage")
    second = Path(EpisodeLog(FileBackend(path)).problem.moved_to)
    assert first != second
    assert first.read_bytes() == b"first garbage"
    assert second.read_bytes() == b"second garbage"


def test_readable_log_is_left_in_place(path):
    open_log(path).add(ep("a"))
    before = path.read_bytes()
    log = open_log(path)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["episodes.json"]
    assert len(log) == 1


# failing writes -------------------------------------------------------------

@pytest.fixture
def broken_disk(monkeypatch):
    """Call broken_disk() to make every following file replace fail."""
    def _break():
        def boom(src, dst):
            raise OSError(28, "No space left on device")
        monkeypatch.setattr(os, "replace", boom)
    return _break


def _assert_memory_matches_file(log: EpisodeLog, path: Path) -> None:
    again = open_log(path)
    assert ids(log.newest_first()) == ids(again.newest_first())
    for e in again.newest_first():
        assert log.get(e.id) == e
    assert log.settings() == again.settings()


def test_failed_write_keeps_every_change_in_memory_and_says_so(path, broken_disk, monkeypatch):
    log = open_log(path)
    log.add_many([ep("a", 0, end=None, notes="before"), ep("b", 1)])
    log.set_setting("theme", "dark")
    before = path.read_bytes()
    broken_disk()

    log.add(ep("c", 2))
    log.update(log.get("a").model_copy(update={"notes": "after"}))
    log.delete("b")
    log.set_setting("theme", "light")

    assert path.read_bytes() == before  # nothing half-written
    assert not log.saved and "No space left on device".lower() in log.save_error.lower()
    assert "Export" in log.save_error
    assert ids(log.newest_first()) == ["c", "a"]  # what the person entered is still on screen
    assert log.get("a").notes == "after"
    assert log.settings() == {"theme": "light"}
    assert [p.name for p in path.parent.iterdir()] == ["episodes.json"]

    # the disk recovers: the next write stores everything, and the warning goes
    monkeypatch.undo()
    log.add(ep("f", 5))
    assert log.saved and log.save_error is None
    _assert_memory_matches_file(log, path)
    assert ids(open_log(path).newest_first()) == ["f", "c", "a"]


def test_first_write_failing_keeps_the_entry_in_memory(path, broken_disk):
    log = open_log(path)
    broken_disk()
    log.add(ep("a"))
    assert not path.exists() and not log.saved
    assert ids(log.newest_first()) == ["a"]


def test_unsaveable_setting_does_not_break_later_saves(path):
    log = open_log(path)
    log.add(ep("a"))
    with pytest.raises(TypeError):
        log.set_setting("guide", {"when": datetime(2024, 1, 1)})  # not JSON
    with pytest.raises(ValueError, match="unknown setting 'when'"):
        log.set_setting("when", "2024-01-01")
    assert log.saved
    assert log.settings() == {}
    log.add(ep("b", 1))  # must still save
    log.set_setting("theme", "dark")
    _assert_memory_matches_file(log, path)
    assert ids(open_log(path).newest_first()) == ["b", "a"]


# rows that fail validation --------------------------------------------------

@pytest.mark.parametrize("content", INVALID_ROWS.values(), ids=INVALID_ROWS.keys())
def test_invalid_row_is_kept_shown_and_deletable_while_the_rest_loads(path, content):
    doc = json.loads(content)
    doc["tables"]["episodes"]["9"] = ep("keep", 3).model_dump(mode="json")
    path.write_text(json.dumps(doc), encoding="utf-8")
    log = open_log(path)  # no problem banner: the log opened

    assert ids(log.newest_first())[0] == "keep"
    [bad] = log.invalid_rows()
    assert bad.reason
    log.add(ep("new", 4))  # a write keeps the invalid row in the file, as it was
    assert len(open_log(path).invalid_rows()) == 1
    log.delete(bad.key)
    assert log.invalid_rows() == [] and open_log(path).invalid_rows() == []
    assert "keep" in open_log(path) and "new" in open_log(path)


def test_year_one_row_already_saved_cannot_break_the_history(path):
    row = {**ep("old").model_dump(mode="json"), "start": "0001-01-01T00:30:00+00:00",
           "end": None, "pain": []}
    path.write_bytes(_doc({"episodes": {"1": row}}))
    log = open_log(path)
    assert len(log) == 0 and log.active() is None
    assert "1970" in log.invalid_rows()[0].reason


def test_open_episode_dated_in_the_future_does_not_take_new_pain_scores(path):
    log = open_log(path)
    soon = datetime.now(UTC) + timedelta(hours=20)
    log.add(Episode(id="crafted", start=soon))
    assert log.active() is None


@pytest.mark.parametrize("damage", [
    lambda data: data.replace(b'"notes":"first"', b'"notes":"caf\xe9"', 1),  # a Latin-1 byte
    lambda data: data.replace(b'"notes":"first"', b'"notes":"\xe2\x9c"', 1),  # half a UTF-8 character
    lambda data: data[:len(data) // 2],  # a copy cut off halfway
], ids=["latin-1 byte", "half a character", "cut off"])
def test_a_log_damaged_between_two_saves_is_kept_aside_and_the_next_save_keeps_both(path, damage):
    log = open_log(path)
    log.add(ep("a", notes="first"))
    damaged = damage(path.read_bytes())
    path.write_bytes(damaged)  # a failing phone, a sync tool, a truncated copy

    log.add(ep("b", 1))  # the next tap that saves

    assert log.saved
    again = open_log(path)
    assert ids(again.newest_first()) == ["b", "a"] and again.get("a").notes == "first"
    [copy] = path.parent.glob("episodes.json.corrupt-*")
    assert copy.read_bytes() == damaged  # never overwritten, never deleted
    assert f"'{copy.name}'" in log.problem.message and "your entries are safe" in log.problem.message
    assert str(path.parent) not in log.problem.message


def test_a_damaged_log_that_cannot_be_moved_aside_is_left_alone_and_entries_stay_on_screen(path,
                                                                                         monkeypatch):
    log = open_log(path)
    log.add(ep("a"))
    path.write_bytes(path.read_bytes() + b"\xff")

    def read_only(*a, **k):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "replace", read_only)
    log.add(ep("b", 1))
    monkeypatch.undo()
    assert ids(log.newest_first()) == ["b", "a"] and not log.saved
    assert path.read_bytes().endswith(b"\xff")  # left as it was
    assert "could not be moved aside" in log.problem.message


def test_log_saved_with_a_utf8_bom_opens(path):
    open_log(path).add(ep("a"))
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert ids(open_log(path).newest_first()) == ["a"]


def test_opening_pauses_the_cycle_collector_only_while_it_parses(path, monkeypatch):
    """Rows are validated with gc paused (an open at 5k takes half the time); it is on again after."""
    log = open_log(path)
    log.add(ep("a"))
    log.add(ep("b", 3))
    path.write_text(path.read_text().replace('"score":7', '"score":70', 1))
    seen, real = [], repository._EPISODES

    class Spy:
        def validate_python(self, rows):
            seen.append(gc.isenabled())
            return real.validate_python(rows)

    monkeypatch.setattr(repository, "_EPISODES", Spy())
    reopened = EpisodeLog(FileBackend(path))
    assert seen == [False, False]  # all rows, then the valid ones again after one failed
    assert gc.isenabled()
    assert len(reopened) == 1 and len(reopened.invalid_rows()) == 1
