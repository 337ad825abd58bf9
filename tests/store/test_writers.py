"""One writer per log file, and a file changed underneath is merged into, never overwritten."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.episode import Episode
from app.store.backends import FileBackend, LogInUse
from app.store.repository import EpisodeLog, open_file_log

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2025, 5, 1, 9, 0, tzinfo=UTC)


def ep(id: str, hours: float = 0, **kw) -> Episode:
    return Episode(id=id, start=T0 + timedelta(hours=hours), **kw)


def ids(log: EpisodeLog) -> set[str]:
    return {e.id for e in log.newest_first()}


def test_a_log_changed_underneath_is_merged_not_overwritten(tmp_path):
    path = tmp_path / "episodes.json"
    mine = EpisodeLog(FileBackend(path))
    mine.add(ep("shared"))
    other = EpisodeLog(FileBackend(path))  # e.g. a copy restored or synced in while the app runs
    other.add(ep("theirs", 1))
    other.update(other.get("shared").model_copy(update={"notes": "their note"}))

    mine.add(ep("mine", 2))

    again = EpisodeLog(FileBackend(path))
    assert ids(again) == {"shared", "theirs", "mine"}
    assert again.get("shared").notes == "their note"


def test_two_writers_taking_turns_lose_nothing(tmp_path):
    path = tmp_path / "episodes.json"
    a, b = EpisodeLog(FileBackend(path)), EpisodeLog(FileBackend(path))
    for i in range(20):
        (a if i % 2 else b).add(ep(f"e{i}", i))
    assert len(EpisodeLog(FileBackend(path))) == 20
    b.delete("e3")
    a.add(ep("late", 30))
    assert "e3" not in EpisodeLog(FileBackend(path)) and "late" in EpisodeLog(FileBackend(path))


def test_refresh_tells_the_screen_when_another_writer_changed_the_log(tmp_path):
    path = tmp_path / "episodes.json"
    mine, other = EpisodeLog(FileBackend(path)), EpisodeLog(FileBackend(path))
    heard = []
    mine.listeners.append(lambda: heard.append(len(mine)))
    assert mine.refresh() is False
    other.add(ep("theirs"))
    assert mine.refresh() is True and heard == [1] and "theirs" in mine


HOLDER = textwrap.dedent("""
    import sys, time
    from app.store.backends import FileBackend
    held = FileBackend(sys.argv[1]).hold()
    print("HELD", flush=True)
    time.sleep(60)
""")


@contextmanager
def held_elsewhere(path: Path):
    """Another process holding the log's lock for as long as the block runs; yields its pid."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], cwd=ROOT, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == "HELD"
        yield holder.pid
    finally:
        holder.kill()
        holder.wait()


def test_a_second_process_is_told_the_log_is_in_use_and_by_whom(tmp_path):
    path = tmp_path / "episodes.json"
    with held_elsewhere(path) as pid:
        with pytest.raises(LogInUse) as caught:
            FileBackend(path).hold()
        assert caught.value.pid == str(pid)
        assert f"process {pid}" in str(caught.value)
    FileBackend(path).hold()  # free again once that process is gone


def test_a_second_process_is_refused_even_after_the_storage_folder_was_deleted(tmp_path):
    path = tmp_path / "data" / "episodes.json"
    with held_elsewhere(path) as pid:
        shutil.rmtree(path.parent)  # the lock file beside the log goes with its folder
        with pytest.raises(LogInUse) as caught:
            FileBackend(path).hold()
        assert caught.value.pid == str(pid)
        assert open_file_log(path).problem.in_use_by == str(pid)  # the app says so, in memory
    FileBackend(path).hold().release()  # free again once that process is gone


def test_delete_all_removes_copies_moved_aside(tmp_path):
    path = tmp_path / "episodes.json"
    path.write_text('{"not": "a log", "notes": "private words"}', encoding="utf-8")
    log = EpisodeLog(FileBackend(path))
    assert log.moved_aside() and all("/" not in name for name in log.moved_aside())
    log.add(ep("a", notes="more private words"))
    log.set_setting("custom", "0800 000 000")
    log.clear()
    assert log.moved_aside() == []
    left = "".join(p.read_text(encoding="utf-8") for p in tmp_path.iterdir() if p.is_file())
    assert "private" not in left and "0800" not in left
    assert json.loads(path.read_text(encoding="utf-8"))["tables"] == {}


def test_the_app_opens_a_log_held_elsewhere_in_memory_and_says_so(tmp_path):
    path = tmp_path / "episodes.json"
    with held_elsewhere(path) as pid:
        log = open_file_log(path)
        assert log.problem.in_use_by == str(pid) and not log.saved
        log.add(ep("kept-on-screen"))
        assert "kept-on-screen" in log and not path.exists()
    assert open_file_log(path).problem is None


def test_sos_checks_and_peg_answers_are_kept_and_merged_with_another_writer(tmp_path):
    from app.domain.records import PegEntry, SosCheck

    path = tmp_path / "episodes.json"
    mine, other = EpisodeLog(FileBackend(path)), EpisodeLog(FileBackend(path))
    mine.add_record(SosCheck(tier="emergency", flags=["bladder-leaking"]))
    other.add_record(PegEntry(pain=6, enjoyment=5, activity=7))
    other.add_record(SosCheck(tier="self-care"))
    again = EpisodeLog(FileBackend(path))
    assert [c.tier for c in again.checks()] == ["emergency", "self-care"]
    assert again.checks()[0].flags == ["bladder-leaking"]
    assert [p.score for p in again.pegs()] == [6.0]
