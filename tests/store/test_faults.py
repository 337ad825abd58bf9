"""Storage that cannot be opened leaves a working log in memory that says it is not saving."""

from __future__ import annotations

import errno
import os
from datetime import UTC, datetime
from pathlib import Path

from app.domain.episode import Episode
from app.store.backends import FileBackend
from app.store.repository import EpisodeLog

T0 = datetime(2025, 5, 1, 9, 0, tzinfo=UTC)


def works_in_memory(log: EpisodeLog) -> None:
    log.add(Episode(id="a", start=T0))
    log.set_setting("theme", "dark")
    assert "a" in log and log.settings() == {"theme": "dark"}
    assert not log.saved and "not being saved" in log.save_error


def test_log_path_that_is_a_folder(tmp_path):
    path = tmp_path / "episodes.json"
    path.mkdir()
    (path / "keep.txt").write_text("someone's file")
    log = EpisodeLog(FileBackend(path))
    assert log.problem and "could not be opened" in log.problem.message
    works_in_memory(log)
    assert (path / "keep.txt").read_text() == "someone's file"


def test_unreadable_file_is_left_untouched(tmp_path, monkeypatch):
    path = tmp_path / "episodes.json"
    path.write_text("secret bytes")

    def denied(self, *a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "read_text", denied)
    log = EpisodeLog(FileBackend(path))
    monkeypatch.undo()
    assert log.problem and "permission denied" in log.problem.message
    works_in_memory(log)
    assert path.read_text() == "secret bytes"  # never overwritten


def test_corrupt_file_in_a_read_only_folder_is_left_alone(tmp_path, monkeypatch):
    path = tmp_path / "episodes.json"
    path.write_bytes(b"{broken")

    def read_only(*a, **k):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "open", read_only)
    monkeypatch.setattr(os, "replace", read_only)
    log = EpisodeLog(FileBackend(path))
    assert log.problem and "could not be moved aside" in log.problem.message
    works_in_memory(log)
    monkeypatch.undo()
    assert path.read_bytes() == b"{broken"
